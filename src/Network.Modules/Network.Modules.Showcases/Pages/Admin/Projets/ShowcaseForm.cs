using Network.Modules.Content.Editing;

namespace Network.Modules.Showcases.Pages.Admin.Projets;

/// <summary>
/// The showcase's own fields as the editor posts them (bound as <c>Form.*</c>). Everything arrives as text and is
/// read by <see cref="ShowcaseEditorModel"/>, so a wrong type ("abc" as an amount) gets a clear message instead of a
/// binding failure, and French or English decimal separators both work.
/// </summary>
public sealed class ShowcaseForm
{
    public string? Description { get; set; }
    public string? LeadOrganisation { get; set; }
    public List<PartnerRow> Partners { get; set; } = [];
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public bool ShowContact { get; set; }
    public string? Department { get; set; }
    public string? Commune { get; set; }
    public List<string> Domains { get; set; } = [];
    public List<string> Technologies { get; set; } = [];

    /// <summary>One per line or separated by commas.</summary>
    public string? Audiences { get; set; }

    public string? Maturity { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Programme { get; set; }
    public string? Call { get; set; }
    public string? Year { get; set; }
    public string? AmountGranted { get; set; }
    public string? TotalBudget { get; set; }

    /// <summary>One per line.</summary>
    public string? CoFunders { get; set; }

    public string? Outcomes { get; set; }
    public string? LessonsLearned { get; set; }
    public string? Licence { get; set; }
    public List<LinkRow> Links { get; set; } = [];
    public List<GalleryRow> Gallery { get; set; } = [];
    public string? AccessibilityNotes { get; set; }
    public string? EcoDesignNotes { get; set; }

    /// <summary>A new image to add: the file and its texts.</summary>
    public NewImageInput NewImage { get; set; } = new();
}

public sealed class PartnerRow
{
    public string? Name { get; set; }
    public string? Role { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Role);
}

public sealed class LinkRow
{
    public string? Kind { get; set; }
    public string? Label { get; set; }
    public string? Url { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Url);
}

/// <summary>An image of the gallery: which media, its texts here, its place, or its removal.</summary>
public sealed class GalleryRow
{
    public int MediaId { get; set; }
    public string? Alt { get; set; }
    public bool Decorative { get; set; }
    public string? Credit { get; set; }

    /// <summary>1, 2, 3…: the order of the gallery (the first is the card's image).</summary>
    public string? Position { get; set; }

    public bool Remove { get; set; }
}
