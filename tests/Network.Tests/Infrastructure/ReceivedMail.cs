using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;

namespace Network.Tests.Infrastructure;

/// <summary>
/// A message as a mail server or a pickup folder stored it, parsed enough for assertions: decoded headers
/// (RFC 2047), the plain-text and HTML parts (base64, quoted-printable or 8bit, any charset).
/// MimeKit is not available here, hence this small reader.
/// </summary>
public sealed partial class ReceivedMail
{
    private readonly Dictionary<string, string> _headers;

    private ReceivedMail(string raw, Dictionary<string, string> headers, string? text, string? html, string? path)
    {
        Raw = raw;
        _headers = headers;
        TextBody = text;
        HtmlBody = html;
        Path = path;
    }

    /// <summary>The message as stored (bytes read as Latin-1, so 8-bit content is kept byte for byte).</summary>
    public string Raw { get; }

    /// <summary>The file it was read from, if any.</summary>
    public string? Path { get; }

    public string? TextBody { get; }
    public string? HtmlBody { get; }

    /// <summary>The parts sent as attachments (Content-Disposition: attachment), decoded.</summary>
    public IReadOnlyList<ReceivedAttachment> Attachments { get; private init; } = [];

    /// <summary>A header, decoded; null when absent.</summary>
    public string? Header(string name) => _headers.GetValueOrDefault(name);

    public string Subject => Header("Subject") ?? "";
    public string From => Header("From") ?? "";
    public string To => Header("To") ?? "";

    /// <summary>The recipient address of the To header (without display name).</summary>
    public string ToAddress => MailAddress.TryCreate(To, out var address) ? address.Address : To;

    /// <summary>The display name of the From header.</summary>
    public string FromName => MailAddress.TryCreate(From, out var address) ? address.DisplayName : "";

    /// <summary>Message-ID without angle brackets.</summary>
    public string MessageId => (Header("Message-ID") ?? "").Trim().TrimStart('<').TrimEnd('>');

    public static ReceivedMail Load(string path) => Parse(File.ReadAllBytes(path), path);

    public static ReceivedMail Parse(byte[] bytes, string? path = null)
    {
        var raw = Encoding.Latin1.GetString(bytes);
        var (headers, body) = SplitEntity(raw.Replace("\r\n", "\n", StringComparison.Ordinal));
        string? text = null, html = null;
        var attachments = new List<ReceivedAttachment>();
        CollectParts(headers, body, ref text, ref html, attachments);
        return new ReceivedMail(raw, headers.ToDictionary(h => h.Key, h => DecodeHeader(h.Value), StringComparer.OrdinalIgnoreCase), text, html, path)
        {
            Attachments = attachments,
        };
    }

    public override string ToString() => $"{MessageId} to {To}: {Subject}";

    /// <summary>The first link of <paramref name="body"/> that goes to <paramref name="path"/>, as a path and query (the host dropped).</summary>
    public static string LinkTo(string body, string path)
    {
        var match = Regex.Match(body, "https?://[^\\s\"<>]*" + Regex.Escape(path) + "[^\\s\"<>]*");
        Assert.True(match.Success, $"No link to {path} in:\n{body}");
        return new Uri(System.Net.WebUtility.HtmlDecode(match.Value)).PathAndQuery;
    }

    private static (Dictionary<string, string> Headers, string Body) SplitEntity(string entity)
    {
        var end = entity.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? entity : entity[..end];
        var body = end < 0 ? "" : entity[(end + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && name is not null)
            {
                headers[name] += " " + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            name = line[..colon].Trim();
            // The first occurrence wins (a relay may add more Received: lines below).
            if (!headers.ContainsKey(name)) headers[name] = line[(colon + 1)..].Trim();
            else name = null;
        }
        return (headers, body);
    }

    private static void CollectParts(Dictionary<string, string> headers, string body, ref string? text, ref string? html, List<ReceivedAttachment> attachments)
    {
        var contentType = headers.GetValueOrDefault("Content-Type") ?? "text/plain";
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = Parameter(contentType, "boundary") ?? throw new FormatException("multipart without boundary");
            var delimiter = "--" + boundary;
            var sections = body.Split("\n" + delimiter);
            // sections[0] is the preamble (it may start with the delimiter itself when there is none).
            foreach (var section in sections.Skip(body.StartsWith(delimiter, StringComparison.Ordinal) ? 0 : 1))
            {
                var part = section.StartsWith(delimiter, StringComparison.Ordinal) ? section[delimiter.Length..] : section;
                if (part.StartsWith("--", StringComparison.Ordinal)) break;
                var (partHeaders, partBody) = SplitEntity(part.TrimStart('\n'));
                CollectParts(partHeaders, partBody, ref text, ref html, attachments);
            }
            return;
        }
        var disposition = headers.GetValueOrDefault("Content-Disposition") ?? "";
        if (disposition.StartsWith("attachment", StringComparison.OrdinalIgnoreCase))
        {
            var fileName = DecodeHeader(Parameter(disposition, "filename") ?? Parameter(contentType, "name") ?? "");
            attachments.Add(new ReceivedAttachment(fileName, contentType, DecodeBytes(body, headers.GetValueOrDefault("Content-Transfer-Encoding"))));
            return;
        }
        var charset = Parameter(contentType, "charset") ?? "us-ascii";
        var decoded = DecodeBody(body, headers.GetValueOrDefault("Content-Transfer-Encoding"), charset);
        if (mediaType == "text/plain") text ??= decoded;
        else if (mediaType == "text/html") html ??= decoded;
    }

    private static byte[] DecodeBytes(string body, string? transferEncoding)
        => (transferEncoding ?? "7bit").Trim().ToLowerInvariant() switch
        {
            "base64" => Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))),
            "quoted-printable" => DecodeQuotedPrintable(body, underscoreIsSpace: false),
            _ => Encoding.Latin1.GetBytes(body),
        };

    private static string DecodeBody(string body, string? transferEncoding, string charset)
    {
        var encoding = Encoding.GetEncoding(charset);
        var bytes = DecodeBytes(body, transferEncoding);
        return encoding.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
    }

    private static byte[] DecodeQuotedPrintable(string text, bool underscoreIsSpace)
    {
        var output = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=' && i + 1 < text.Length && text[i + 1] == '\n') { i++; continue; }
            if (c == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                output.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            output.Add(underscoreIsSpace && c == '_' ? (byte)' ' : (byte)c);
        }
        return output.ToArray();
    }

    /// <summary>RFC 2047 encoded words (=?utf-8?B?...?=); raw 8-bit header bytes are read as UTF-8.</summary>
    private static string DecodeHeader(string value)
    {
        if (value.Any(c => c >= 128)) value = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(value));
        // Whitespace between two encoded words is not part of the text.
        var joined = AdjacentEncodedWords().Replace(value, "$1");
        return EncodedWord().Replace(joined, m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups[1].Value);
            var bytes = m.Groups[2].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(m.Groups[3].Value)
                : DecodeQuotedPrintable(m.Groups[3].Value, underscoreIsSpace: true);
            return encoding.GetString(bytes);
        });
    }

    private static string? Parameter(string headerValue, string name)
    {
        var match = Regex.Match(headerValue, $@";\s*{name}\s*=\s*(""(?<v>[^""]*)""|(?<v>[^;\s]+))", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups["v"].Value : null;
    }

    [GeneratedRegex(@"=\?([^?]+)\?([bBqQ])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?)")]
    private static partial Regex AdjacentEncodedWords();
}

/// <param name="ContentType">The part's Content-Type header as sent ("text/calendar; charset=utf-8; name=...").</param>
public sealed record ReceivedAttachment(string FileName, string ContentType, byte[] Content);
