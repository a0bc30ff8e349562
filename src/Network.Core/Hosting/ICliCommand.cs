namespace Network.Core.Hosting;

/// <summary>A command of the host's command line (<c>dotnet Network.Web.dll tenants create ...</c>).</summary>
public interface ICliCommand
{
    /// <summary>First word of the command line ("tenants").</summary>
    string Name { get; }

    string Usage { get; }

    /// <summary>Whether the host database is migrated and first-run tasks run before the command.</summary>
    bool NeedsStartup => true;

    /// <returns>The process exit code.</returns>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}

/// <summary>Work run once at start-up, after the host database is migrated, in module order.</summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}
