using System.Globalization;

namespace Network.Core.Localization;

/// <summary>
/// Dates shown and typed on the site are in Europe/Paris (the network's time), stored in UTC. A time that does
/// not exist (the hour skipped in spring) is refused; one that happens twice (autumn) is the first of the two.
/// </summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"22/11/2026 14:30" in French, "11/22/2026 2:30 PM" in English.</summary>
    public static string Format(DateTime utc, CultureInfo? culture = null)
    {
        var local = FromUtc(utc);
        culture ??= CultureInfo.CurrentCulture;
        return local.ToString("d", culture) + " " + local.ToString("t", culture);
    }

    /// <summary>The machine-readable form for &lt;time datetime&gt;, with the offset.</summary>
    public static string Iso(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);

    /// <summary>Reads a date (yyyy-MM-dd) and a time (HH:mm) typed in Paris time; null with a French message when they are not valid.</summary>
    public static (DateTime? Utc, string? Error) ParseToUtc(string? date, string? time)
    {
        if (string.IsNullOrWhiteSpace(date) || string.IsNullOrWhiteSpace(time))
            return (null, "Indiquez la date et l'heure de publication.");
        if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (null, "La date n'est pas valide. Exemple : 2026-12-31");
        if (!TimeOnly.TryParseExact(time.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var hour))
            return (null, "L'heure n'est pas valide. Exemple : 14:30");
        var local = day.ToDateTime(hour, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
            return (null, "Cette heure n'existe pas ce jour-là à Paris (passage à l'heure d'été) : choisissez-en une autre.");
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return (DateTime.SpecifyKind(local - offset, DateTimeKind.Utc), null);
    }
}
