using System.Globalization;
using Microsoft.Extensions.Localization;
using Network.Core.Localization;

namespace Network.Modules.Events.Services;

/// <summary>
/// How an event's dates read, always in Paris time and saying so: "jeudi 11 juin 2026, de 9 h 00 à 17 h 00 (heure de
/// Paris)", or "du 11 juin 2026, 9 h 00 au 12 juin 2026, 17 h 00 (heure de Paris)" over several days; and its badge.
/// </summary>
public static class EventText
{
    private static bool French(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr";

    private static string Time(DateTime local, CultureInfo culture) => local.ToString(French(culture) ? "H' h 'mm" : "h:mm tt", culture);

    /// <summary>"11 juin 2026, 9 h 00 (heure de Paris)".</summary>
    public static string Moment(DateTime utc, IStringLocalizer t, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = ParisTime.FromUtc(utc);
        return t["{0}, {1} (heure de Paris)", local.ToString("d MMMM yyyy", culture), Time(local, culture)];
    }

    /// <summary>The event's span: one day with its hours, or the first and last moments.</summary>
    public static string Span(DateTime startUtc, DateTime endUtc, IStringLocalizer t, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var start = ParisTime.FromUtc(startUtc);
        var end = ParisTime.FromUtc(endUtc);
        if (start.Date == end.Date)
            return t["{0}, de {1} à {2} (heure de Paris)", start.ToString("dddd d MMMM yyyy", culture), Time(start, culture), Time(end, culture)];
        return t["du {0}, {1} au {2}, {3} (heure de Paris)", start.ToString("d MMMM yyyy", culture), Time(start, culture), end.ToString("d MMMM yyyy", culture), Time(end, culture)];
    }

    /// <summary>A session's hours: "9 h 00 – 12 h 00".</summary>
    public static string Hours(DateTime startUtc, DateTime endUtc, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return Time(ParisTime.FromUtc(startUtc), culture) + " – " + Time(ParisTime.FromUtc(endUtc), culture);
    }

    public static string BadgeClass(EventState state) => state switch
    {
        EventState.Scheduled => "fr-badge--info",
        EventState.RegistrationFull => "fr-badge--warning",
        EventState.Cancelled => "fr-badge--error",
        EventState.Postponed => "fr-badge--new",
        _ => "",
    };

    /// <summary>"Journée d'étude à Lille", "Webinaire en ligne".</summary>
    public static string Where(Data.EventFields fields, IStringLocalizer t)
        => fields.Online ? t["{0} en ligne", t[EventKinds.Label(fields.Kind)]] : t["{0} à {1}", t[EventKinds.Label(fields.Kind)], fields.City];

    /// <summary>"jeudi 11 juin 2026 à 9 h 00" in French, "Thursday 11 June 2026 at 09:00" in English (Paris time; say so around it).</summary>
    public static string Moment(DateTime utc, CultureInfo culture)
    {
        var local = ParisTime.FromUtc(utc);
        return culture.TwoLetterISOLanguageName == "fr"
            ? local.ToString("dddd d MMMM yyyy 'à' H' h 'mm", culture)
            : local.ToString("dddd d MMMM yyyy 'at' HH:mm", culture);
    }
}
