namespace Network.Core.Hosting;

/// <summary>Parses "--name value" options and "--flag" switches of a CLI command.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    public CliArguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null) Add(pending, "true");
                pending = arg[2..];
            }
            else if (pending is not null)
            {
                Add(pending, arg);
                pending = null;
            }
            else
            {
                Positional.Add(arg);
            }
        }
        if (pending is not null) Add(pending, "true");
    }

    public List<string> Positional { get; } = [];

    public string? this[string name] => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    /// <summary>The option names given (without "--"), so a command can refuse the ones it does not know.</summary>
    public IEnumerable<string> OptionNames => _options.Keys;

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var values)) _options[name] = values = [];
        values.Add(value);
    }
}
