using System.Globalization;
using Network.Core.Localization;

namespace Network.Modules.Events.Services;

/// <summary>How an event's dates read in pages and mails, in Paris time and the reader's language.</summary>
public static class EventText
{
    /// <summary>"jeudi 11 juin 2026 à 9 h 00" in French, "Thursday 11 June 2026 at 09:00" in English (Paris time; say so around it).</summary>
    public static string Moment(DateTime utc, CultureInfo culture)
    {
        var local = ParisTime.FromUtc(utc);
        return culture.TwoLetterISOLanguageName == "fr"
            ? local.ToString("dddd d MMMM yyyy 'à' H' h 'mm", culture)
            : local.ToString("dddd d MMMM yyyy 'at' HH:mm", culture);
    }
}
