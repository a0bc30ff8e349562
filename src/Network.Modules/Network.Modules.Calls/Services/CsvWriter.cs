using System.Text;

namespace Network.Modules.Calls.Services;

/// <summary>
/// RFC 4180 CSV for spreadsheets: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or a
/// line break, and UTF-8 with a byte-order mark so Excel reads the accents. A cell starting with = + - @ (or a tab or
/// carriage return) is prefixed with an apostrophe: a spreadsheet would otherwise run an applicant's text as a formula.
/// </summary>
public sealed class CsvWriter
{
    private readonly StringBuilder _text = new();

    public CsvWriter Row(IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) _text.Append(',');
            first = false;
            _text.Append(Escape(cell ?? ""));
        }
        _text.Append("\r\n");
        return this;
    }

    public CsvWriter Row(params string?[] cells) => Row((IEnumerable<string?>)cells);

    public static string Escape(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r') cell = "'" + cell;
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }

    public override string ToString() => _text.ToString();

    /// <summary>The file's bytes: UTF-8 with its byte-order mark.</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];
}
