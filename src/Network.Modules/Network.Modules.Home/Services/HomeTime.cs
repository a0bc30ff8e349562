namespace Network.Modules.Home.Services;

/// <summary>Dates of the composer are shown in Europe/Paris, whatever the server's zone.</summary>
public static class HomeTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime Paris(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
