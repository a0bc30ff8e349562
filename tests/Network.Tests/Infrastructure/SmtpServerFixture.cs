using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Network.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd (<c>python3 -m aiosmtpd</c>) on 127.0.0.1 and a free port,
/// storing what it receives in a Maildir that <see cref="Messages"/> reads. Started by the constructor (so it
/// works as an xunit class fixture); <see cref="Stop"/> and <see cref="Start"/> take it down and bring it back
/// on the same port; disposing kills the process. Use <see cref="HostSettings"/> (ConfigureHost for an in-process host) to point a site at it.
/// The browser tests compile this file and <see cref="ReceivedMail"/> too.
/// </summary>
public sealed partial class SmtpServerFixture : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, ReceivedMail> _parsed = new();
    private readonly StringBuilder _output = new();
    private readonly object _lock = new();
    private Process? _process;

    public SmtpServerFixture()
    {
        Port = FreePort();
        MaildirPath = Path.Combine(Path.GetTempPath(), "reseau-tests", "smtp-" + Guid.NewGuid().ToString("N"));
        // Python's Maildir only creates its sub-folders when the folder itself does not exist yet: make all three.
        foreach (var sub in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(MaildirPath, sub));
        // Never leave a server behind, even if a test run is aborted before Dispose.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        Start();
    }

    public string Host => "127.0.0.1";
    public int Port { get; }
    public string MaildirPath { get; }

    public bool IsRunning
    {
        get { lock (_lock) return _process is { HasExited: false }; }
    }

    /// <summary>The host configuration that sends mail through this server.</summary>
    public IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["Mail:Transport"] = "Smtp",
        ["Mail:Smtp:Host"] = Host,
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:StartTls"] = "false",
        ["Mail:Smtp:UserName"] = "",
        ["Mail:Smtp:TimeoutSeconds"] = "10",
    };

    /// <summary>Starts the server (again) on <see cref="Port"/>; returns once it answers.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_process is { HasExited: false }) return;
            var start = new ProcessStartInfo(Python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MaildirPath })
                start.ArgumentList.Add(arg);
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
            process.OutputDataReceived += (_, e) => Log(e.Data);
            process.ErrorDataReceived += (_, e) => Log(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
        }
        var deadline = DateTime.UtcNow + DefaultWait;
        while (!Answers())
        {
            if (!IsRunning) throw new InvalidOperationException($"aiosmtpd exited at start-up on port {Port}: {Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"aiosmtpd did not answer on port {Port}: {Output}");
            Thread.Sleep(50);
        }
    }

    /// <summary>Kills the server: connections are refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        Process? process;
        lock (_lock)
        {
            process = _process;
            _process = null;
        }
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    /// <summary>What the server printed (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            var files = new[] { "new", "cur" }
                .Select(sub => Path.Combine(MaildirPath, sub))
                .Where(Directory.Exists)
                .SelectMany(Directory.GetFiles)
                .Select(f => new FileInfo(f))
                .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal);
            // Maildir delivers by renaming a finished file into new/: what is listed is complete.
            return files.Select(f => _parsed.GetOrAdd(f.FullName, ReceivedMail.Load)).ToList();
        }
    }

    public async Task<ReceivedMail> WaitForMessageAsync(Func<ReceivedMail, bool> predicate, TimeSpan? timeout = null)
        => (await WaitForMessagesAsync(predicate, 1, timeout))[0];

    /// <summary>Waits until at least <paramref name="count"/> received messages match; returns all that match.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(Func<ReceivedMail, bool> predicate, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            var matching = Messages.Where(predicate).ToList();
            if (matching.Count >= count) return matching;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {count} matching message(s) on the SMTP server, found {matching.Count} of {Messages.Count} received.");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Stop();
        try { Directory.Delete(MaildirPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void Log(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length < 20_000) _output.AppendLine(line);
        }
    }

    /// <summary>True once the server greets a client with its 220 banner.</summary>
    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            client.ReceiveTimeout = 2000;
            var buffer = new byte[3];
            var stream = client.GetStream();
            var read = 0;
            while (read < 3)
            {
                var n = stream.Read(buffer, read, 3 - read);
                if (n == 0) return false;
                read += n;
            }
            return Encoding.ASCII.GetString(buffer) == "220";
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
