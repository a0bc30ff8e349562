using System.Globalization;
using System.Text;
using Network.Core.Localization;
using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>STATUS of a VEVENT: a postponed event is TENTATIVE (its date will change), a cancelled one CANCELLED.</summary>
public enum IcsStatus
{
    Confirmed,
    Tentative,
    Cancelled,
}

/// <summary>One VEVENT as the calendar writer needs it. Times are UTC; they are written in Europe/Paris wall time.</summary>
/// <param name="Uid">Stable for the same thing across files (see <see cref="IcsCalendar.EventUid"/>, <see cref="IcsCalendar.RegistrationUid"/>), so calendars update rather than duplicate.</param>
/// <param name="Url">The event's public page (absolute).</param>
/// <param name="Sequence">Grows when the event changes (its content version plus its setup version), so clients take the newer file.</param>
/// <param name="Organizer">Name and address of whoever organises it (the event's contact), or null.</param>
public sealed record IcsEvent(
    string Uid,
    DateTime StartUtc,
    DateTime EndUtc,
    string Summary,
    string Location,
    string Description,
    string Url,
    IcsStatus Status = IcsStatus.Confirmed,
    int Sequence = 0,
    DateTime? LastModifiedUtc = null,
    (string Name, string Email)? Organizer = null);

/// <summary>
/// The one writer of RFC 5545 calendars on the site: the "add to my calendar" file of an event page, the subscribable
/// feeds (a region's, the hub's) and the file attached to registration mails all come from here. Text is escaped
/// (backslash, semicolon, comma, newlines), lines are folded at 75 octets without splitting a UTF-8 character, and
/// every line ends with CRLF. Times carry TZID=Europe/Paris with the VTIMEZONE that defines it, so a calendar shows the
/// event at the hour printed on the page whatever the reader's own zone.
/// </summary>
public static class IcsCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string ProductId = "-//Reseau Culture Numerique//Evenements 1.0//FR";
    public const string TimeZoneId = "Europe/Paris";

    /// <summary>RFC 5545 §3.1: a content line is at most 75 octets, the line break excluded.</summary>
    public const int MaxLineOctets = 75;

    // The tenant is part of the UID: regions may share one host name (tenants by path), and ids restart in each region.
    /// <summary>"event-12.hauts-de-france@reseau.example.org": the same in the region's files and in the hub's feed.</summary>
    public static string EventUid(string tenant, int eventId, string host) => $"event-{eventId}.{tenant}@{host}";

    /// <summary>"registration-7.hauts-de-france@reseau.example.org": a registrant's own file, distinct from the public one.</summary>
    public static string RegistrationUid(string tenant, int registrationId, string host) => $"registration-{registrationId}.{tenant}@{host}";

    /// <summary>
    /// The VEVENT of one of the tenant's events: location from the venue (or "En ligne"), description from the summary,
    /// the status note when cancelled or postponed and the Markdown description as plain text, then the page's address.
    /// </summary>
    /// <param name="joinUrl">The online joining link, only for a confirmed registrant's file (never on public files).</param>
    /// <param name="organizerName">Who organises it (the region's name): the ORGANIZER's name, with the event's contact address.</param>
    public static IcsEvent ForEvent(ContentItem item, EventFields fields, EventSetup? setup, string uid, string pageUrl, string? joinUrl = null, string? organizerName = null)
    {
        var status = setup?.Status switch
        {
            EventStatus.Cancelled => IcsStatus.Cancelled,
            EventStatus.Postponed => IcsStatus.Tentative,
            _ => IcsStatus.Confirmed,
        };
        var description = new StringBuilder();
        if (status != IcsStatus.Confirmed)
        {
            description.Append(status == IcsStatus.Cancelled ? "Événement annulé." : "Événement reporté.");
            if (!string.IsNullOrWhiteSpace(setup!.StatusNote)) description.Append(' ').Append(setup.StatusNote.Trim());
            description.Append("\n\n");
        }
        if (!string.IsNullOrWhiteSpace(item.Summary)) description.Append(item.Summary.Trim()).Append("\n\n");
        var body = SafeMarkdown.ToPlainText(fields.Description).Trim();
        if (body.Length > 0) description.Append(body).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(joinUrl)) description.Append("Rejoindre : ").Append(joinUrl.Trim()).Append("\n\n");
        description.Append(pageUrl);

        var organizer = string.IsNullOrWhiteSpace(fields.ContactEmail) ? ((string, string)?)null : (organizerName ?? "", fields.ContactEmail.Trim());
        return new IcsEvent(uid, fields.StartUtc, fields.EndUtc, item.Title, Location(fields), description.ToString(), pageUrl, status,
            Sequence: item.Version + (setup?.Version ?? 0), LastModifiedUtc: item.UpdatedUtc, Organizer: organizer);
    }

    /// <summary>"Gare Saint-Sauveur, 17 boulevard Jean-Baptiste Lebas, 59000 Lille", or "En ligne".</summary>
    public static string Location(EventFields fields)
    {
        if (fields.Online) return "En ligne";
        var town = string.Join(' ', new[] { fields.PostalCode, fields.City }.Select(p => (p ?? "").Trim()).Where(p => p.Length > 0));
        return string.Join(", ", new[] { fields.VenueName, fields.StreetAddress, town }.Select(p => (p ?? "").Trim()).Where(p => p.Length > 0));
    }

    /// <summary>A whole VCALENDAR (METHOD:PUBLISH) with the Europe/Paris VTIMEZONE and the events in the given order.</summary>
    /// <param name="stampUtc">DTSTAMP of every event: when this file was made.</param>
    /// <param name="name">The calendar's name for a subscribable feed (NAME and X-WR-CALNAME), or null for a single event's file.</param>
    public static string Write(IEnumerable<IcsEvent> events, DateTime stampUtc, string? name = null)
    {
        var w = new Writer();
        w.Line("BEGIN:VCALENDAR");
        w.Line("VERSION:2.0");
        w.Line("PRODID:" + ProductId);
        w.Line("CALSCALE:GREGORIAN");
        w.Line("METHOD:PUBLISH");
        if (!string.IsNullOrWhiteSpace(name))
        {
            w.Line("NAME:" + EscapeText(name));
            w.Line("X-WR-CALNAME:" + EscapeText(name));
            w.Line("X-WR-TIMEZONE:" + TimeZoneId);
            // Subscribed calendars are read again every few hours (RFC 7986, and the older Outlook/Apple property).
            w.Line("REFRESH-INTERVAL;VALUE=DURATION:PT6H");
            w.Line("X-PUBLISHED-TTL:PT6H");
        }
        WriteTimeZone(w);
        foreach (var e in events) WriteEvent(w, e, stampUtc);
        w.Line("END:VCALENDAR");
        return w.ToString();
    }

    /// <summary><see cref="Write"/> as UTF-8 bytes without a byte-order mark (for a response or a mail attachment).</summary>
    public static byte[] WriteBytes(IEnumerable<IcsEvent> events, DateTime stampUtc, string? name = null)
        => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Write(events, stampUtc, name));

    /// <summary>
    /// Europe/Paris since 1996: summer time from the last Sunday of March at 2:00 to the last Sunday of October at
    /// 3:00 (tests check these rules against the system's time zone data).
    /// </summary>
    private static void WriteTimeZone(Writer w)
    {
        w.Line("BEGIN:VTIMEZONE");
        w.Line("TZID:" + TimeZoneId);
        w.Line("X-LIC-LOCATION:" + TimeZoneId);
        w.Line("BEGIN:DAYLIGHT");
        w.Line("TZOFFSETFROM:+0100");
        w.Line("TZOFFSETTO:+0200");
        w.Line("TZNAME:CEST");
        w.Line("DTSTART:19700329T020000");
        w.Line("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        w.Line("END:DAYLIGHT");
        w.Line("BEGIN:STANDARD");
        w.Line("TZOFFSETFROM:+0200");
        w.Line("TZOFFSETTO:+0100");
        w.Line("TZNAME:CET");
        w.Line("DTSTART:19701025T030000");
        w.Line("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        w.Line("END:STANDARD");
        w.Line("END:VTIMEZONE");
    }

    private static void WriteEvent(Writer w, IcsEvent e, DateTime stampUtc)
    {
        w.Line("BEGIN:VEVENT");
        w.Line("UID:" + EscapeText(e.Uid));
        w.Line("DTSTAMP:" + UtcStamp(stampUtc));
        w.Line($"DTSTART;TZID={TimeZoneId}:" + ParisStamp(e.StartUtc));
        w.Line($"DTEND;TZID={TimeZoneId}:" + ParisStamp(e.EndUtc));
        if (e.LastModifiedUtc is { } modified) w.Line("LAST-MODIFIED:" + UtcStamp(modified));
        w.Line("SEQUENCE:" + Math.Max(0, e.Sequence).ToString(CultureInfo.InvariantCulture));
        w.Line("SUMMARY:" + EscapeText(e.Summary));
        if (!string.IsNullOrWhiteSpace(e.Location)) w.Line("LOCATION:" + EscapeText(e.Location));
        if (!string.IsNullOrWhiteSpace(e.Description)) w.Line("DESCRIPTION:" + EscapeText(e.Description));
        // A URI value is not TEXT: it is written as is, only stripped of what cannot be in a content line.
        if (!string.IsNullOrWhiteSpace(e.Url)) w.Line("URL:" + StripControls(e.Url).Trim());
        if (e.Organizer is { } organizer && !string.IsNullOrWhiteSpace(organizer.Email))
            w.Line((string.IsNullOrWhiteSpace(organizer.Name) ? "ORGANIZER" : $"ORGANIZER;CN={QuoteParameter(organizer.Name)}") + ":mailto:" + StripControls(organizer.Email).Trim());
        w.Line("STATUS:" + e.Status switch
        {
            IcsStatus.Cancelled => "CANCELLED",
            IcsStatus.Tentative => "TENTATIVE",
            _ => "CONFIRMED",
        });
        w.Line("TRANSP:OPAQUE");
        w.Line("END:VEVENT");
    }

    /// <summary>A UTC DATE-TIME: 20260611T070000Z.</summary>
    public static string UtcStamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A local DATE-TIME in Paris wall time, for a property with TZID=Europe/Paris: 20260611T090000.</summary>
    public static string ParisStamp(DateTime utc) => ParisTime.FromUtc(utc).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>
    /// RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma are escaped, every line break (CRLF, CR or LF) becomes
    /// "\n"; other control characters (but the tab) cannot appear in a content line and are dropped.
    /// </summary>
    public static string EscapeText(string? value)
    {
        var text = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case ';': sb.Append(@"\;"); break;
                case ',': sb.Append(@"\,"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\t': sb.Append(c); break;
                default:
                    if (!char.IsControl(c)) sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A parameter value (CN=...): quoted, as it may hold ":;,"; a double quote cannot appear in it at all.</summary>
    private static string QuoteParameter(string? value) => "\"" + StripControls(value).Replace("\"", "", StringComparison.Ordinal).Trim() + "\"";

    private static string StripControls(string? value) => new((value ?? "").Where(c => !char.IsControl(c)).ToArray());

    /// <summary>
    /// Folds one content line (RFC 5545 §3.1): at most 75 octets per physical line, each continuation starting with a
    /// space (which counts), cut only between characters (never inside a UTF-8 sequence or a surrogate pair), joined by CRLF.
    /// </summary>
    public static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= MaxLineOctets) return line;
        var sb = new StringBuilder(line.Length + line.Length / 70 * 3);
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        return sb.ToString();
    }

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();

        public void Line(string contentLine) => _sb.Append(Fold(contentLine)).Append("\r\n");

        public override string ToString() => _sb.ToString();
    }
}
