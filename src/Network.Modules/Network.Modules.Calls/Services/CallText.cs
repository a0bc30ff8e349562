using System.Globalization;
using Microsoft.Extensions.Localization;
using Network.Core.Localization;

namespace Network.Modules.Calls.Services;

/// <summary>
/// How a call's dates and amounts read. The words of a deadline: "Clôture dans 3 jours et 4 heures — le mardi 15 avril 2026 à 12 h 00 (heure de Paris)".
/// Worked out on the server from its clock, so the text is right without JavaScript.
/// </summary>
public static class CallText
{
    /// <summary>"le mardi 15 avril 2026 à 12 h 00 (heure de Paris)", in the visitor's language.</summary>
    public static string Moment(DateTime utc, IStringLocalizer t, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = ParisTime.FromUtc(utc);
        var french = culture.TwoLetterISOLanguageName == "fr";
        var day = local.ToString("dddd d MMMM yyyy", culture);
        var time = local.ToString(french ? "HH' h 'mm" : "HH:mm", culture);
        return t["le {0} à {1} (heure de Paris)", day, time];
    }

    /// <summary>"3 jours et 4 heures", "5 heures et 12 minutes", "12 minutes", "moins d'une minute".</summary>
    public static string Remaining(TimeSpan left, IStringLocalizer t)
    {
        if (left < TimeSpan.FromMinutes(1)) return t["moins d'une minute"];
        string Days(int n) => n == 1 ? t["1 jour"] : t["{0} jours", n];
        string Hours(int n) => n == 1 ? t["1 heure"] : t["{0} heures", n];
        string Minutes(int n) => n == 1 ? t["1 minute"] : t["{0} minutes", n];
        if (left.Days > 0) return left.Hours == 0 ? Days(left.Days) : t["{0} et {1}", Days(left.Days), Hours(left.Hours)];
        if (left.Hours > 0) return left.Minutes == 0 ? Hours(left.Hours) : t["{0} et {1}", Hours(left.Hours), Minutes(left.Minutes)];
        return Minutes(left.Minutes);
    }

    /// <summary>The sentence shown with an open or upcoming call; null for a past one.</summary>
    public static string? Sentence(CallState state, Data.CallFields fields, DateTime nowUtc, IStringLocalizer t)
    {
        if (state == CallState.Open) return t["Clôture dans {0} — {1}", Remaining(fields.ClosesUtc - nowUtc, t), Moment(fields.ClosesUtc, t)].Value;
        if (state == CallState.Upcoming) return t["Ouverture dans {0} — {1}", Remaining(fields.OpensUtc - nowUtc, t), Moment(fields.OpensUtc, t)].Value;
        if (fields.ClosesUtc == default || nowUtc < fields.ClosesUtc) return null;
        return t["Clos {0}", Moment(fields.ClosesUtc, t)].Value;
    }
}
