using System.Globalization;
using Network.Core.Hosting;
using Network.Modules.Search.Indexing;

namespace Network.Modules.Search.Cli;

/// <summary>
/// <c>search rebuild [--tenant &lt;name&gt;]</c>: recreates the network search index from the tenant databases through
/// the same <see cref="SearchRebuildService"/> as the admin page, printing its progress. Exit codes: 0 done, 2 bad input
/// (nothing started), 1 failure (the index stays as it was).
/// </summary>
public sealed class SearchCommand(SearchRebuildService rebuilds) : ICliCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);

    public string Name => "search";

    public string Usage => """
        search rebuild [--tenant <nom>]                   reconstruit l'index de recherche du réseau (tous les sites,
                                                          ou un seul) ; la recherche répond pendant la reconstruction
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] != "rebuild")
        {
            await error.WriteLineAsync(args.Count == 0 ? "Indiquez une action." : $"Action inconnue « {args[0]} ».");
            return await UsageAsync(error);
        }
        var options = new CliArguments(args.Skip(1));
        var unknown = options.OptionNames.Where(o => o != "tenant").Select(o => "--" + o)
            .Concat(options.Positional.Select(p => $"« {p} »")).ToList();
        if (unknown.Count > 0)
        {
            await error.WriteLineAsync($"Argument inconnu pour « search rebuild » : {string.Join(", ", unknown)}.");
            return await UsageAsync(error);
        }
        var tenant = options["tenant"];
        if (tenant is "true" or "")
        {
            await error.WriteLineAsync("Indiquez le nom du site après --tenant.");
            return await UsageAsync(error);
        }

        var start = rebuilds.TryStart(tenant, cancellationToken);
        switch (start.Refusal)
        {
            case SearchRebuildRefusal.UnknownTenant:
                await error.WriteLineAsync($"Aucun site en service ne s'appelle « {tenant} ».");
                return BadInput;
            case SearchRebuildRefusal.AlreadyRunning:
                await error.WriteLineAsync("Une reconstruction de l'index est déjà en cours ; attendez qu'elle se termine.");
                return Failure;
        }

        await output.WriteLineAsync(tenant is null ? "Reconstruction de l'index de recherche de tous les sites…" : $"Reconstruction de l'index de recherche du site {tenant}…");
        SearchRebuildProgress? shown = null;
        while (!start.Completion.IsCompleted)
        {
            await Task.WhenAny(start.Completion, Task.Delay(ProgressEvery, CancellationToken.None));
            var progress = rebuilds.Progress;
            if (progress.IsRunning && (shown is null || progress.Done != shown.Done || progress.Total != shown.Total || progress.CurrentTenant != shown.CurrentTenant))
            {
                await output.WriteLineAsync(ProgressLine(progress));
                shown = progress;
            }
        }
        await start.Completion;

        var last = rebuilds.Progress;
        // A short rebuild may end before the first tick: its figures are shown all the same.
        if (shown is null || shown.Done != last.Done) await output.WriteLineAsync(ProgressLine(last));
        var elapsed = last.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (last.State == SearchRebuildState.Completed)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Terminé : {last.Done} documents indexés en {elapsed} s ({last.RatePerSecond:0} documents/s)."));
            return Success;
        }
        await error.WriteLineAsync($"Échec de la reconstruction après {last.Done} documents : {last.Error}");
        await error.WriteLineAsync("L'index précédent reste en service.");
        return Failure;
    }

    /// <summary>"120 / 450 documents (27 %) · hauts-de-france · 850 documents/s · reste 0:00:01".</summary>
    public static string ProgressLine(SearchRebuildProgress progress)
    {
        var remaining = !progress.IsRunning ? TimeSpan.Zero.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : progress.Remaining is { } left ? left.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "?";
        return string.Create(CultureInfo.InvariantCulture,
            $"{progress.Done} / {progress.Total} documents ({progress.Percent} %) · {progress.CurrentTenant ?? "-"} · {progress.RatePerSecond:0} documents/s · reste {remaining}");
    }

    private async Task<int> UsageAsync(TextWriter error)
    {
        await error.WriteLineAsync("Usage :");
        await error.WriteLineAsync(Usage);
        return BadInput;
    }
}
