using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Hosting;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;

namespace Network.Modules.Follows.Services;

/// <summary>
/// <c>follows-bench seed --members 50000 [--seed 1] [--backdate 6]</c>: generated members following random topics of
/// every running tenant (<see cref="FollowersGenerator"/>), and in each tenant that many published showcases and
/// practices moved into last week (so the digest has something to tell);
/// <c>follows-bench digest</c>: one digest run (<see cref="DigestRun"/>), printing "members TAB entries TAB seconds TAB
/// peak working set in MiB" (bench/digest.sh). Not for real sites.
/// </summary>
public sealed class FollowsBenchSeedCommand(IServiceProvider services, TenantCatalog catalog, TenantActivator activator, TenantScopeFactory scopes, TimeProvider clock) : ICliCommand
{
    public string Name => "follows-bench";

    public string Usage => "follows-bench seed --members <n> [--seed 1] [--backdate 6] | follows-bench digest   (banc d'essai) abonnés générés, puis envoi du résumé hebdomadaire";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await catalog.ReloadAsync(cancellationToken);
        if (args is ["digest"])
        {
            var watch = Stopwatch.StartNew();
            var result = await services.GetRequiredService<DigestRun>().RunAsync(cancellationToken);
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Members}\t{result.Entries}\t{watch.Elapsed.TotalSeconds:0.0}\t{peak:0}"));
            return 0;
        }
        int members = 0, seed = 1, backdate = 6;
        var valid = args.Count > 0 && args[0] == "seed" && args.Count % 2 == 1;
        for (var i = 1; valid && i + 1 < args.Count; i += 2)
            valid = args[i] switch
            {
                "--members" => int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out members),
                "--seed" => int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out seed),
                "--backdate" => int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out backdate),
                _ => false,
            };
        if (!valid || members is < 1 or > 1_000_000)
        {
            await error.WriteLineAsync("Usage : " + Usage);
            return 2;
        }
        var week = DigestRun.WeekOf(clock.GetUtcNow().UtcDateTime);
        var moved = 0;
        foreach (var tenant in catalog.All.Where(t => t.State == TenantState.Running && t.IsEnabled("Content")))
        {
            await activator.EnsureActivatedAsync(tenant);
            await using var scope = scopes.CreateScope(tenant);
            var content = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var ids = await content.Items.Where(i => i.OriginTenant == null && i.Status == ContentStatus.Published && (i.ContentType == "showcase" || i.ContentType == "practice"))
                .OrderBy(i => i.Id).Select(i => i.Id).Take(backdate).ToListAsync(cancellationToken);
            foreach (var (id, n) in ids.Select((id, n) => (id, n)))
            {
                var when = week.FromUtc.AddHours(12 + 20 * n);
                moved += await content.Items.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.PublishedUtc, when), cancellationToken);
            }
        }
        var follows = await services.GetRequiredService<FollowersGenerator>().GenerateAsync(members, seed, cancellationToken: cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{members}\t{follows}\t{moved}"));
        return 0;
    }
}
