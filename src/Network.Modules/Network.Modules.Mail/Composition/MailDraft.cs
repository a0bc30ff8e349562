using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;

namespace Network.Modules.Mail.Composition;

/// <summary>
/// A message being written: each call adds a block to both the plain-text and the HTML body. Texts are
/// French source strings (composite format, translated); arguments are values (names, titles typed by
/// users) and are HTML-encoded, never trusted as markup.
/// </summary>
public sealed class MailDraft
{
    // Keeps accented letters readable in the HTML source instead of numeric entities.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly TenantInfo _tenant;
    private readonly string _to;
    private readonly string? _toName;
    private readonly LocalizationCatalog _localization;
    private readonly TenantUrls _urls;
    private readonly List<(string Text, string Html)> _blocks = [];
    private string? _subject;
    private string? _heading;
    private string? _replyTo;
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private bool _bulk;

    internal MailDraft(TenantInfo tenant, string to, string? toName, CultureInfo culture, LocalizationCatalog localization, TenantUrls urls)
    {
        _tenant = tenant;
        _to = to;
        _toName = string.IsNullOrWhiteSpace(toName) ? null : toName.Trim();
        Culture = culture;
        _localization = localization;
        _urls = urls;
    }

    /// <summary>The language the message is written in ("fr" or "en").</summary>
    public CultureInfo Culture { get; }

    /// <summary>Sets the subject; values typed by users are folded to one line and the subject is shortened to fit.</summary>
    public MailDraft Subject(string text, params object?[] args)
    {
        var subject = string.Join(' ', Format(text, args).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var max = Data.OutboxMessageConfiguration.MaxSubjectLength;
        _subject = subject.Length > max ? subject[..(max - 1)] + "…" : subject;
        return this;
    }

    /// <summary>Answers go to <paramref name="address"/> (a visitor who wrote through a form) instead of the no-reply sender.</summary>
    public MailDraft ReplyTo(string address)
    {
        _replyTo = address.Trim();
        return this;
    }

    /// <summary>Adds a header field (List-Unsubscribe); the outbox refuses the ones it writes itself.</summary>
    public MailDraft Header(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    /// <summary>Marks the message as bulk mail (a digest): it is sent after every due transactional message.</summary>
    public MailDraft Bulk()
    {
        _bulk = true;
        return this;
    }

    /// <summary>A sub-heading of the body (a digest's "Hauts-de-France", "Nouveaux projets").</summary>
    public MailDraft Section(string text, params object?[] args)
    {
        _blocks.Add(("== " + Format(text, args) + " ==", $"<h2>{FormatHtml(text, args)}</h2>"));
        return this;
    }

    /// <summary>A link whose text is a value (an item's title, not translated) to an absolute URL (another tenant's page).</summary>
    public MailDraft LinkTo(string text, string absoluteUrl)
    {
        _blocks.Add((text + "\n" + absoluteUrl, $"<p><a href=\"{Html.Encode(absoluteUrl)}\">{Html.Encode(text)}</a></p>"));
        return this;
    }

    /// <summary>The title of the HTML body and first line of the text body; the subject when not set.</summary>
    public MailDraft Heading(string text, params object?[] args)
    {
        _heading = Format(text, args);
        return this;
    }

    public MailDraft Paragraph(string text, params object?[] args)
    {
        _blocks.Add((Format(text, args), $"<p>{FormatHtml(text, args)}</p>"));
        return this;
    }

    /// <summary>A link to a page of the tenant; <paramref name="label"/> must make sense on its own ("Confirmer mon adresse").</summary>
    /// <param name="tenantPath">Path relative to the tenant root, query string already escaped.</param>
    public MailDraft Link(string label, string tenantPath)
    {
        var url = Url(tenantPath);
        var text = Translate(label);
        _blocks.Add((string.Format(Culture, Translate("{0} :"), text) + "\n" + url, $"<p><a href=\"{Html.Encode(url)}\">{Html.Encode(text)}</a></p>"));
        return this;
    }

    /// <summary>Absolute URL of a page of the tenant.</summary>
    public string Url(string tenantPath) => _urls.Absolute(_tenant, tenantPath);

    public OutgoingMail Build()
    {
        var subject = _subject ?? throw new InvalidOperationException("A message needs a subject.");
        var heading = _heading ?? subject;
        var greeting = _toName is null ? Translate("Bonjour,") : string.Format(Culture, Translate("Bonjour {0},"), _toName);
        var home = Url("/");
        var siteName = string.IsNullOrWhiteSpace(_tenant.SiteName) ? _tenant.DisplayName : _tenant.SiteName;
        const string sentBy = "Ce message automatique vous est envoyé par {0}.";
        const string noReply = "Merci de ne pas y répondre : pour toute question, écrivez à {0}.";
        // A message one answers (Reply-To set) must not say "do not reply".
        var hasContact = _replyTo is null && !string.IsNullOrWhiteSpace(_tenant.ContactEmail);

        var text = new StringBuilder();
        text.Append(heading).Append("\n\n").Append(greeting).Append("\n\n");
        foreach (var block in _blocks) text.Append(block.Text).Append("\n\n");
        text.Append("-- \n").Append(string.Format(Culture, Translate(sentBy), $"{siteName} ({home})"));
        if (hasContact) text.Append(' ').Append(string.Format(Culture, Translate(noReply), _tenant.ContactEmail));
        text.Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n")
            .Append($"<html lang=\"{Culture.TwoLetterISOLanguageName}\" dir=\"ltr\">\n")
            .Append("<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>{Html.Encode(subject)}</title>\n</head>\n<body>\n")
            .Append($"<p>{Html.Encode(siteName)}</p>\n")
            .Append($"<h1>{Html.Encode(heading)}</h1>\n")
            .Append($"<p>{Html.Encode(greeting)}</p>\n");
        foreach (var block in _blocks) html.Append(block.Html).Append('\n');
        html.Append("<hr>\n<p>")
            .Append(string.Format(Culture, Html.Encode(Translate(sentBy)), $"<a href=\"{Html.Encode(home)}\">{Html.Encode(siteName)}</a>"));
        if (hasContact)
        {
            var contact = Html.Encode(_tenant.ContactEmail);
            html.Append(' ').Append(string.Format(Culture, Html.Encode(Translate(noReply)), $"<a href=\"mailto:{contact}\">{contact}</a>"));
        }
        html.Append("</p>\n</body>\n</html>\n");
        return new OutgoingMail(_to, subject, text.ToString(), html.ToString(), _tenant.Name, _toName, _replyTo,
            Headers: _headers.Count > 0 ? new Dictionary<string, string>(_headers) : null, Bulk: _bulk);
    }

    private string Translate(string text) => _localization.Translate(text, Culture) ?? text;

    private string Format(string text, object?[] args) => args.Length == 0 ? Translate(text) : string.Format(Culture, Translate(text), args);

    private string FormatHtml(string text, object?[] args)
        => args.Length == 0 ? Html.Encode(Translate(text)) : string.Format(Culture, Html.Encode(Translate(text)), args.Select(a => (object?)Html.Encode(Convert.ToString(a, Culture) ?? "")).ToArray());
}
