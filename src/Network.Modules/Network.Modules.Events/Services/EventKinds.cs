namespace Network.Modules.Events.Services;

/// <summary>The kinds of event a region runs; the value is stored in the fields and used as the "kind" facet.</summary>
public static class EventKinds
{
    public const string StudyDay = "journee-etude";
    public const string Workshop = "atelier";
    public const string Meeting = "rencontre";
    public const string Webinar = "webinaire";
    public const string Training = "formation";

    public static readonly IReadOnlyList<string> All = [StudyDay, Workshop, Meeting, Webinar, Training];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);

    public static string Label(string kind) => kind switch
    {
        StudyDay => "Journée d'étude",
        Workshop => "Atelier",
        Meeting => "Rencontre",
        Webinar => "Webinaire",
        Training => "Formation",
        _ => kind,
    };
}
