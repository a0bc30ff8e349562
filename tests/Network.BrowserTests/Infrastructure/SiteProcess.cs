using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Network.BrowserTests.Infrastructure;

/// <summary>
/// The real site as it is deployed: <c>dotnet publish --no-build</c> of the host into a temp folder, started with
/// <c>dotnet Network.Web.dll --urls http://127.0.0.1:PORT</c> on a fresh data folder, stopped by its process id.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@reseau.test";
    public const string AdminPassword = "Mot-de-passe-admin-42";

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _root;
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    /// <summary>One publish of the host per test run, shared by every site started (each has its own data folder).</summary>
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);
    private static int _sitesRunning;

    private readonly string _publish;

    private SiteProcess(Process process, string root, string publish, Uri baseAddress)
    {
        _process = process;
        _root = root;
        _publish = publish;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <param name="settings">Extra configuration ("Mail:Transport" = "Smtp"…), given to the site as environment variables.</param>
    public static async Task<SiteProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "reseau-browser-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        var publish = await PublishOnceAsync();

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = publish,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(publish, "Network.Web.dll"), "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Network__DataPath"] = data;
        start.Environment["Network__AdminEmail"] = AdminEmail;
        start.Environment["Network__AdminPassword"] = AdminPassword;
        // The pages are checked with the regions' sample showcases and practices in place.
        start.Environment["Network__SampleContent"] = "true";
        start.Environment["Network__PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Every test signs in from 127.0.0.1: keep the account forms' rate limits out of the way, as NetworkWebFactory does.
        foreach (var policy in new[] { "SignIn", "SignUp", "PasswordReset" })
            start.Environment[$"Accounts__RateLimits__{policy}__PermitLimit"] = "100000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        Interlocked.Increment(ref _sitesRunning);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the site.");
        // Should the test run end without disposing this site (an aborted run, an unhandled exception), stop it then.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } };
        var site = new SiteProcess(process, root, publish, new Uri($"http://127.0.0.1:{port}"));
        foreach (var (key, value) in start.Environment.Where(e => e.Key.StartsWith("Network__", StringComparison.Ordinal) || e.Key == "ASPNETCORE_ENVIRONMENT"))
            site._environment[key] = value ?? "";
        process.OutputDataReceived += (_, e) => site.Append(e.Data);
        process.ErrorDataReceived += (_, e) => site.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await site.WaitUntilHealthyAsync();
        return site;
    }

    /// <summary>
    /// Runs the host's command line on the same data folder, beside the running site (<c>showcases-bench seed …</c>).
    /// Pages the site already cached in memory do not see what the command changed.
    /// </summary>
    public async Task<string> RunCommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _publish, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(_publish, "Network.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args)} exited with {process.ExitCode}: {await error}");
        return await output;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The site exited with code {_process.ExitCode}:\n{Log}");
            try
            {
                // First run creates the hub and two regions; /health answers 200 once the hub runs.
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK && (await http.GetAsync("/nouvelle-aquitaine/")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The site did not become healthy:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
            TryDelete(_root);
            // The last site gone, nothing runs from the shared publish folder any more.
            if (Interlocked.Decrement(ref _sitesRunning) == 0 && Published.IsValueCreated && Published.Value.IsCompletedSuccessfully)
                TryDelete(Path.GetDirectoryName(Published.Value.Result)!);
        }
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static Task<string> PublishOnceAsync() => Published.Value;

    /// <summary><c>dotnet publish --no-build</c> of the host (built by the test project's reference) into a temp folder.</summary>
    private static async Task<string> PublishAsync()
    {
        var repository = RepositoryRoot();
        var publish = Path.Combine(Path.GetTempPath(), "reseau-browser-tests", "publish-" + Guid.NewGuid().ToString("N"), "publish");
        var configuration = typeof(SiteProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        await RunAsync("dotnet", ["publish", Path.Combine(repository, "src", "Network.Web", "Network.Web.csproj"), "--no-build", "-c", configuration, "-o", publish, "--nologo", "-v", "quiet"], repository);
        return publish;
    }

    /// <summary>The repository root (the folder of Network.sln) above the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Network.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Network.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task RunAsync(string file, IEnumerable<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }
}
