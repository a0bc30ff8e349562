using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SearchBench;

/// <summary>
/// Search benchmark: generates a French corpus and a query file, and measures the search engine on any such files.
/// See bench/README.md, "Search". (Not top-level statements: the test project also sees Network.Web's Program.)
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage:
          SearchBench generate --docs 100000 --seed 42 --out corpus.jsonl
          SearchBench queries --count 1000 --seed 7 --out queries.jsonl
          SearchBench run --corpus corpus.jsonl --queries queries.jsonl [--index-folder dir [--reuse-index]] [--through rebuild|apply] [--batch 500 (rebuild) | 1000 (apply)] [--warmup 200 | --warmup-queries file] [--json] [--list-zero]
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            var options = Options(args.Skip(1).ToArray());
            switch (args[0])
            {
                case "generate":
                {
                    var count = Int(options, "docs", 100_000);
                    var seed = Int(options, "seed", 42);
                    using (var output = Writer(Required(options, "out")))
                        CorpusGenerator.Write(output, count, seed);
                    Console.Error.WriteLine($"wrote {count} documents (seed {seed}) to {options["out"]}");
                    return 0;
                }
                case "queries":
                {
                    var count = Int(options, "count", 1000);
                    var seed = Int(options, "seed", 7);
                    using (var output = Writer(Required(options, "out")))
                        QueryGenerator.Write(output, count, seed);
                    Console.Error.WriteLine($"wrote {count} queries (seed {seed}) to {options["out"]}");
                    return 0;
                }
                case "run":
                {
                    var through = options.GetValueOrDefault("through", "rebuild") switch
                    {
                        "rebuild" => IndexingPath.Rebuild,
                        "apply" => IndexingPath.Apply,
                        _ => throw new ArgumentException("--through must be rebuild or apply"),
                    };
                    var run = new RunOptions(
                        Required(options, "corpus"),
                        Required(options, "queries"),
                        options.GetValueOrDefault("index-folder"),
                        // The site's batch sizes: Search:RebuildBatchSize for a rebuild, the bench's historical 1,000 otherwise.
                        Int(options, "batch", through == IndexingPath.Rebuild ? new Network.Modules.Search.SearchOptions().RebuildBatchSize : 1000),
                        Int(options, "warmup", 200),
                        options.ContainsKey("json"),
                        options.ContainsKey("list-zero"),
                        options.GetValueOrDefault("warmup-queries"),
                        options.ContainsKey("reuse-index"),
                        through);
                    if (run.Batch < 1) throw new ArgumentException("--batch must be at least 1");
                    var figures = await Runner.RunAsync(run, Console.Error);
                    Console.Out.Write(run.Json
                        ? JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) + "\n"
                        : Runner.Format(figures));
                    return 0;
                }
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return 1;
        }
    }

    private static Dictionary<string, string> Options(string[] arguments)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Length; i++)
        {
            if (!arguments[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument {arguments[i]}");
            var name = arguments[i][2..];
            var hasValue = i + 1 < arguments.Length && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[name] = hasValue ? arguments[++i] : "";
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string name)
        => options.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"--{name} is required");

    private static int Int(Dictionary<string, string> options, string name, int fallback)
    {
        if (!options.TryGetValue(name, out var value)) return fallback;
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new ArgumentException($"--{name} must be a non-negative number");
    }

    // LF line ends and UTF-8 without a byte-order mark whatever the platform, so a seed gives the same bytes everywhere.
    private static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
}
