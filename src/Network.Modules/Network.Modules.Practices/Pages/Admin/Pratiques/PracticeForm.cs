namespace Network.Modules.Practices.Pages.Admin.Pratiques;

/// <summary>The practice's own fields as the editor posts them (bound as <c>Form.*</c>); every value is text so odd input becomes a message.</summary>
public sealed class PracticeForm
{
    public string? Context { get; set; }
    public string? Objectives { get; set; }
    public string? Approach { get; set; }
    public string? WhatWorked { get; set; }
    public string? WhatDidNot { get; set; }
    public string? AdviceForReuse { get; set; }
    public string? CostAndEffort { get; set; }
    public string? EnvironmentalImpact { get; set; }
    public string? Accessibility { get; set; }

    public List<ResourceRow> Resources { get; set; } = [];

    /// <summary>Ids of the tenant's showcases, as posted by the checkboxes.</summary>
    public List<string> RelatedShowcaseIds { get; set; } = [];

    /// <summary>Comma-separated.</summary>
    public string? Tags { get; set; }

    public List<string> Domains { get; set; } = [];

    public string? AuthorName { get; set; }
    public string? Organisation { get; set; }
    public string? Licence { get; set; }

    public string? ImageAlt { get; set; }
    public bool ImageDecorative { get; set; }
    public string? ImageCredit { get; set; }
    public bool RemoveImage { get; set; }
}

public sealed class ResourceRow
{
    public string? Label { get; set; }
    public string? Url { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Url);
}
