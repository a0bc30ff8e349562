namespace Network.Modules.Content.Editing;

/// <summary>The columns every content type shares, as an editor posts them (bound as <c>Common.*</c>).</summary>
public sealed class ContentCommonInput
{
    public string? Title { get; set; }

    /// <summary>Empty: made from the title.</summary>
    public string? Slug { get; set; }

    public string? Summary { get; set; }

    /// <summary>False by default: an unticked checkbox posts nothing (new items start ticked, see the editor).</summary>
    public bool SharedWithNetwork { get; set; }

    /// <summary>The item's version when the form was loaded (optimistic concurrency); 0 for a new item.</summary>
    public int Version { get; set; }
}

/// <summary>What the <c>_ContentCommonFields</c> partial shows.</summary>
/// <param name="PublicBase">The absolute public address of the type without the slug ("https://…/hauts-de-france/projets/").</param>
/// <param name="CurrentSlug">The saved address segment, when the item exists.</param>
public sealed record ContentCommonFieldsView(ContentCommonInput Input, string PublicBase, string? CurrentSlug, int SummaryMaxLength, int TitleMaxLength, int SlugMaxLength)
{
    /// <summary>The type's name for its summary (<see cref="Services.ContentTypeDefinition.SummaryLabel"/>).</summary>
    public string SummaryLabel { get; init; } = "Résumé";
    public bool SummaryRequired { get; init; }
}

/// <summary>What the <c>_ContentCheckboxGroup</c> partial shows. <paramref name="Name"/> is also the ModelState key of its errors.</summary>
public sealed record ContentCheckboxGroupView(string Name, string Id, string Legend, string? Hint, IReadOnlyList<(string Value, string Label)> Options, IReadOnlySet<string> Selected);
