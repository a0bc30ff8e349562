using Network.Modules.Media;

namespace Network.Modules.Practices.Data;

/// <summary>
/// The fields of a practice report (retour d'expérience), stored as the content item's JSON: a structured
/// account others can reuse. Text sections are Markdown.
/// </summary>
public sealed class PracticeFields
{
    public string Context { get; set; } = "";
    public string Objectives { get; set; } = "";
    public string Approach { get; set; } = "";
    public string WhatWorked { get; set; } = "";
    public string WhatDidNot { get; set; } = "";
    public string AdviceForReuse { get; set; } = "";

    /// <summary>Tools and resources: links with a label.</summary>
    public List<PracticeResource> Resources { get; set; } = [];

    public string CostAndEffort { get; set; } = "";
    public string EnvironmentalImpact { get; set; } = "";
    public string Accessibility { get; set; } = "";

    /// <summary>Ids of showcases of the same tenant this practice comes from or relates to.</summary>
    public List<int> RelatedShowcaseIds { get; set; } = [];

    public List<string> Tags { get; set; } = [];

    /// <summary>Values of the tenant's "domains" vocabulary.</summary>
    public List<string> Domains { get; set; } = [];

    /// <summary>Shown as the author (may differ from the account that wrote it).</summary>
    public string AuthorName { get; set; } = "";
    public string Organisation { get; set; } = "";

    public string Licence { get; set; } = "Licence Ouverte Etalab 2.0";

    /// <summary>Optional illustration.</summary>
    public ImageRef? Image { get; set; }
}

public sealed record PracticeResource(string Label, string Url);
