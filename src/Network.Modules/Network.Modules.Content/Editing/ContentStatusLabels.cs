using Network.Modules.Content.Data;

namespace Network.Modules.Content.Editing;

/// <summary>French names of the workflow states, for the admin lists and editors (translated through the localizer).</summary>
public static class ContentStatusLabels
{
    public static string Of(ContentStatus status) => status switch
    {
        ContentStatus.Draft => "Brouillon",
        ContentStatus.Submitted => "Soumis",
        ContentStatus.Scheduled => "Programmé",
        ContentStatus.Published => "Publié",
        ContentStatus.Rejected => "Refusé",
        ContentStatus.Archived => "Archivé",
        _ => status.ToString(),
    };

    /// <summary>The DSFR badge variant of a state.</summary>
    public static string BadgeClass(ContentStatus status) => status switch
    {
        ContentStatus.Published => "fr-badge--success",
        ContentStatus.Submitted or ContentStatus.Scheduled => "fr-badge--info",
        ContentStatus.Rejected => "fr-badge--error",
        ContentStatus.Archived => "fr-badge--new",
        _ => "",
    };
}
