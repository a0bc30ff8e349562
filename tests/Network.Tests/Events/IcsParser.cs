using System.Text;

namespace Network.Tests.Events;

/// <summary>One property of a parsed calendar: name, parameters and the value (TEXT values unescaped by <see cref="IcsParser.Unescape"/>).</summary>
public sealed record IcsProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string RawValue)
{
    public string Text => IcsParser.Unescape(RawValue);
}

/// <summary>A component (VCALENDAR, VTIMEZONE, VEVENT...) with its properties in order and its sub-components.</summary>
public sealed class IcsComponent(string name)
{
    public string Name { get; } = name;
    public List<IcsProperty> Properties { get; } = [];
    public List<IcsComponent> Components { get; } = [];

    public IcsProperty Single(string property) => Assert.Single(Properties, p => p.Name == property);

    public string Text(string property) => Single(property).Text;

    public IEnumerable<IcsComponent> All(string component) => Components.Where(c => c.Name == component);
}

/// <summary>
/// A small, strict reader of RFC 5545 files for tests: checks the physical form (CRLF only, at most 75 octets per line,
/// every line valid UTF-8 on its own) then unfolds, splits properties and builds the component tree.
/// </summary>
public static class IcsParser
{
    public static IcsComponent Parse(byte[] bytes)
    {
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no byte-order mark");
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var physical = new List<string>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                Assert.True(i > 0 && bytes[i - 1] == (byte)'\r', $"bare LF at octet {i}");
                var length = i - 1 - start;
                Assert.True(length <= 75, $"line of {length} octets: {Encoding.UTF8.GetString(bytes, start, length)}");
                // Decoding each physical line alone fails if a fold split a UTF-8 sequence.
                physical.Add(strict.GetString(bytes, start, length));
                start = i + 1;
            }
            else if (bytes[i] == (byte)'\r')
            {
                Assert.True(i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n', $"bare CR at octet {i}");
            }
        }
        Assert.Equal(bytes.Length, start); // the last line ends with CRLF too

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                Assert.NotEmpty(logical);
                logical[^1] += line[1..];
            }
            else logical.Add(line);
        }

        var stack = new Stack<IcsComponent>();
        IcsComponent? root = null;
        foreach (var line in logical)
        {
            var property = ParseLine(line);
            if (property.Name == "BEGIN")
            {
                var component = new IcsComponent(property.RawValue);
                if (stack.Count == 0) root = component; else stack.Peek().Components.Add(component);
                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                Assert.Equal(stack.Pop().Name, property.RawValue);
            }
            else
            {
                Assert.NotEmpty(stack);
                stack.Peek().Properties.Add(property);
            }
        }
        Assert.Empty(stack);
        return Assert.IsType<IcsComponent>(root);
    }

    public static IcsComponent Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    private static IcsProperty ParseLine(string line)
    {
        // name *(";" param) ":" value — a colon inside a quoted parameter value does not end the parameters.
        var inQuotes = false;
        var colon = -1;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') inQuotes = !inQuotes;
            else if (line[i] == ':' && !inQuotes) { colon = i; break; }
        }
        Assert.True(colon > 0, $"no value in: {line}");
        var head = line[..colon];
        var parts = new List<string>();
        var current = new StringBuilder();
        inQuotes = false;
        foreach (var c in head)
        {
            if (c == '"') inQuotes = !inQuotes;
            if (c == ';' && !inQuotes) { parts.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        parts.Add(current.ToString());
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in parts.Skip(1))
        {
            var eq = p.IndexOf('=');
            Assert.True(eq > 0, $"bad parameter {p}");
            parameters[p[..eq]] = p[(eq + 1)..].Trim('"');
        }
        return new IcsProperty(parts[0].ToUpperInvariant(), parameters, line[(colon + 1)..]);
    }

    /// <summary>RFC 5545 §3.3.11: \\ \; \, \n (or \N).</summary>
    public static string Unescape(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                sb.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                Assert.False(value[i] is ';' or ',' , $"unescaped '{value[i]}' in TEXT: {value}");
                sb.Append(value[i]);
            }
        }
        return sb.ToString();
    }
}
