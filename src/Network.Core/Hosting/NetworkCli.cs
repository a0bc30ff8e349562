using Microsoft.Extensions.DependencyInjection;

namespace Network.Core.Hosting;

/// <summary>The host's command line: <c>dotnet Network.Web.dll &lt;command&gt; ...</c>.</summary>
public static class NetworkCli
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var commands = services.GetServices<ICliCommand>().ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        if (args[0] is "help" or "--help" || !commands.TryGetValue(args[0], out var command))
        {
            var writer = args[0] is "help" or "--help" ? Console.Out : Console.Error;
            if (writer == Console.Error) await writer.WriteLineAsync($"Commande inconnue « {args[0]} ».");
            await writer.WriteLineAsync("Commandes :");
            foreach (var c in commands.Values.OrderBy(c => c.Name)) await writer.WriteLineAsync("  " + c.Usage.Replace("\n", "\n  ", StringComparison.Ordinal));
            return writer == Console.Out ? 0 : 2;
        }
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        if (command.NeedsStartup) await services.GetRequiredService<NetworkStartup>().RunAsync(cancellation.Token);
        return await command.RunAsync(args.Skip(1).ToList(), Console.Out, Console.Error, cancellation.Token);
    }
}
