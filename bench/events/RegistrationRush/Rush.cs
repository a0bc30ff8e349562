using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace RegistrationRush;

public sealed record RushSettings(
    string BaseUrl, string Tenant, string Slug, string[] WorkshopKeys, int Count, int Concurrency, int Replays,
    string AttemptsFile, double SpreadSeconds);

/// <summary>
/// COUNT different guests open the registration form (antiforgery cookie and token), then all POST it from CONCURRENCY
/// clients, each choosing two workshops: as fast as the site answers (SPREAD 0: a closed loop, each client posting
/// again as soon as answered) or at random instants of the same SPREAD seconds (an open loop). REPLAYS of them then
/// submit the same form again (a double click, a second tab), and must be answered with their existing registration.
/// Prints the throughput and the latency percentiles of the registration POST, the CPU the site (SERVER_PID) and this
/// client used meanwhile, and the mails still waiting (HOST_DB); writes one line per attempt to ATTEMPTS_TSV (email,
/// workshops, completion rank, state and waitlist position shown) for <c>events_register.py --check</c>.
/// A compiled client with kept-alive connections, like a browser's: the Python one it replaces opened a connection per
/// request and, with a hundred threads behind one interpreter lock, took a third of a core and added its own queueing
/// to the latencies it measured.
/// </summary>
public sealed partial class Rush(RushSettings settings)
{
    private sealed record Form(string Email, string[] Chosen, string Cookie, List<KeyValuePair<string, string>> Fields);

    private readonly record struct Answer(string State, string Position);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = Math.Max(16, settings.Concurrency),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    private string Url => $"{settings.BaseUrl}/{settings.Tenant}/evenements/{settings.Slug}/inscription";

    public async Task<int> RunAsync()
    {
        var stamp = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 100000).ToString("D5", CultureInfo.InvariantCulture);
        var opened = Stopwatch.StartNew();
        var forms = new Form[settings.Count];
        await Parallel.ForAsync(0, settings.Count, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (n, _) => forms[n] = await OpenFormAsync(n, stamp));
        Console.WriteLine($"opened {forms.Length} forms in {opened.Elapsed.TotalSeconds:F1} s");

        var latencies = new List<double>(forms.Length);
        var completed = new List<string>(forms.Length);
        var answers = new Dictionary<string, Answer?>();
        var failures = new List<string>();
        var gate = new Lock();

        var spread = settings.SpreadSeconds;
        var offsets = spread > 0
            ? Enumerable.Range(0, forms.Length).Select(_ => Random.Shared.NextDouble() * spread).Order().ToArray()
            : new double[forms.Length];
        var origin = Stopwatch.GetTimestamp() + (spread > 0 ? Stopwatch.Frequency : 0);

        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var siteCpu = SiteCpuSeconds();
        var next = -1;
        var workers = Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < forms.Length; i = Interlocked.Increment(ref next))
            {
                var delay = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), origin + (long)(offsets[i] * Stopwatch.Frequency));
                if (delay > TimeSpan.Zero) await Task.Delay(delay);
                var form = forms[i];
                var started = Stopwatch.GetTimestamp();
                var (status, body) = await PostAsync(form);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var answer = Outcome(status, body);
                lock (gate)
                {
                    latencies.Add(elapsed);
                    completed.Add(form.Email);
                    answers[form.Email] = answer;
                    if (answer is not { } a || a.State == "deja-inscrit") failures.Add($"{form.Email} {status} {answer}");
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var wall = Stopwatch.GetElapsedTime(origin).TotalSeconds;
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
        var siteUsed = SiteCpuSeconds() - siteCpu;

        latencies.Sort();
        var mode = spread > 0 ? $"arrivals spread over {spread:F0} s" : "each client posting again as soon as answered";
        Console.WriteLine($"registrations: {latencies.Count} POSTs in {wall:F1} s from {settings.Concurrency} clients ({mode}): {latencies.Count / wall:F0} per second");
        Console.WriteLine($"latency ms: p50 {Percentile(latencies, 50):F0}  p90 {Percentile(latencies, 90):F0}  p99 {Percentile(latencies, 99):F0}  max {latencies[^1]:F0}");
        // The load generator shares the machine's two cores with the site: what it took of them during the POSTs.
        Console.WriteLine($"client CPU time during the POSTs: {clientCpu.TotalMilliseconds:F0} ms ({clientCpu.TotalSeconds / wall * 100:F0}% of a core)");
        if (MailsWaiting() is { } unsent) Console.WriteLine($"mails waiting in the outbox when the last POST was answered: {unsent}");
        if (siteUsed is { } site)
            Console.WriteLine($"site CPU time during the POSTs: {site * 1000:F0} ms ({site / wall * 100:F0}% of a core, {site * 1000 / latencies.Count:F2} ms a registration)");

        // Replays: the same form again (same cookie and token), concurrently; each must find the existing registration.
        var replayed = forms.ToArray();
        Random.Shared.Shuffle(replayed);
        var replayFailures = new List<string>();
        await Parallel.ForEachAsync(replayed.Take(Math.Min(settings.Replays, forms.Length)),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Min(settings.Concurrency, 20) }, async (form, _) =>
            {
                var (status, body) = await PostAsync(form);
                var answer = Outcome(status, body);
                if (answer is not { State: "deja-inscrit" })
                    lock (gate) replayFailures.Add($"{form.Email} {status} {answer}");
            });
        Console.WriteLine($"replays: {Math.Min(settings.Replays, forms.Length)}, answers other than the registration: {replayFailures.Count}");

        var rank = new Dictionary<string, int>();
        for (var i = 0; i < completed.Count; i++) rank[completed[i]] = i;
        await using (var attempts = new StreamWriter(settings.AttemptsFile, false, new UTF8Encoding(false)))
        {
            foreach (var form in forms)
            {
                var answer = answers.GetValueOrDefault(form.Email) ?? new Answer("", "");
                await attempts.WriteAsync($"{form.Email}\t{string.Join(',', form.Chosen)}\t{rank[form.Email]}\t{answer.State}\t{answer.Position}\n");
            }
        }
        Console.WriteLine($"answers other than a new registration: {failures.Count}");
        foreach (var failure in failures.Concat(replayFailures).Take(10)) Console.WriteLine($"   {failure}");
        return failures.Count + replayFailures.Count > 0 ? 1 : 0;
    }

    private async Task<Form> OpenFormAsync(int n, string stamp)
    {
        using var response = await _http.GetAsync(Url);
        var page = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {Url} answered {(int)response.StatusCode}");
        var form = FormPattern().Match(page);
        if (!form.Success) throw new InvalidOperationException($"no form #inscription on {Url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in InputPattern().Matches(form.Groups[1].Value))
        {
            var attributes = AttributePattern().Matches(input.Value)
                .ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value));
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
                fields.Add(new(name, attributes.GetValueOrDefault("value") ?? ""));
        }
        var email = $"invite-{stamp}-{n:D5}@bench.localhost";
        var chosen = settings.WorkshopKeys.ToArray();
        Random.Shared.Shuffle(chosen);
        chosen = chosen.Take(2).Order(StringComparer.Ordinal).ToArray();
        fields.Add(new("Input.FullName", $"Invité {n}"));
        fields.Add(new("Input.Email", email));
        fields.Add(new("Input.Organisation", $"Structure {n % 97}"));
        foreach (var key in chosen) fields.Add(new("Input.Workshops", key));
        // The antiforgery cookie: the name=value part of each Set-Cookie.
        var cookie = string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';', 2)[0])
            : []);
        return new Form(email, chosen, cookie, fields);
    }

    private async Task<(int Status, string Body)> PostAsync(Form form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new FormUrlEncodedContent(form.Fields) };
        if (form.Cookie.Length > 0) request.Headers.Add("Cookie", form.Cookie);
        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The registration's state as the answer page shows it ("verification" for a guest, "deja-inscrit" for a
    /// second attempt) and the waitlist position, or null when the answer is not a registration.</summary>
    private static Answer? Outcome(int status, string body)
    {
        var match = status == 200 ? ResultPattern().Match(body) : Match.Empty;
        return match.Success ? new Answer(match.Groups[1].Value, match.Groups[2].Value) : null;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Round(p / 100 * sorted.Count + 0.5, MidpointRounding.ToEven) - 1, 0, sorted.Count - 1)];

    /// <summary>The site's CPU time (user + system) when SERVER_PID names it (bench/events.sh exports it).</summary>
    private static double? SiteCpuSeconds()
    {
        if (Environment.GetEnvironmentVariable("SERVER_PID") is not { Length: > 0 } pid) return null;
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // utime and stime, in clock ticks: USER_HZ is 100 on Linux.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>Messages of the host outbox not yet sent, when HOST_DB names the host database (bench/events.sh exports it).</summary>
    private static string? MailsWaiting()
    {
        if (Environment.GetEnvironmentVariable("HOST_DB") is not { Length: > 0 } path) return null;
        using var sqlite = Process.Start(new ProcessStartInfo("sqlite3", ["-readonly", path, "SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"SentUtc\" IS NULL;"])
        { RedirectStandardOutput = true })!;
        var count = sqlite.StandardOutput.ReadToEnd().Trim();
        sqlite.WaitForExit();
        return count;
    }

    [GeneratedRegex("<form\\b[^>]*\\bid=\"inscription\"[^>]*>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("\\b(name|type|value)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("id=\"inscription-resultat\" data-statut=\"([a-z-]+)\" data-position=\"([0-9]*)\"")]
    private static partial Regex ResultPattern();
}
