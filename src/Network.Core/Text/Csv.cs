using System.Text;

namespace Network.Core.Text;

/// <summary>
/// CSV as RFC 4180 writes it (comma separator, CRLF line ends, fields quoted when they hold a comma, a quote or a line
/// break, quotes doubled), UTF-8 without a byte order mark, with cells that a spreadsheet would run as a formula
/// (starting with =, +, -, @, a tab or a carriage return) prefixed by an apostrophe. Every CSV export uses it.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(Cell)) + "\r\n";

    /// <summary>The whole file: the header line, then one line per row.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder(Line(header));
        foreach (var row in rows) text.Append(Line(row));
        return text.ToString();
    }
}
