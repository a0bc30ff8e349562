using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>
/// The calendar file attached to a registrant's mails, written by the site's one calendar writer (IcsCalendar, from the
/// public pages' branch): its own UID per registration, the joining link of an online event inside.
/// </summary>
public static class RegistrationCalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    // SEAM until the events-public branch (IcsCalendar) is merged: no attachment yet.
    public static byte[]? Write(EventView view, int registrationId, string host, string pageUrl, string? joinUrl, string organizerName, DateTime stampUtc) => null;

    public static string Location(EventFields fields)
    {
        if (fields.Online) return "En ligne";
        var town = string.Join(' ', new[] { fields.PostalCode, fields.City }.Select(p => (p ?? "").Trim()).Where(p => p.Length > 0));
        return string.Join(", ", new[] { fields.VenueName, fields.StreetAddress, town }.Select(p => (p ?? "").Trim()).Where(p => p.Length > 0));
    }
}
