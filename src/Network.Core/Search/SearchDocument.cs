namespace Network.Core.Search;

/// <summary>
/// One public item as the network search index holds it. Modules produce documents through an
/// <see cref="ISearchDocumentSource"/>; they never touch the index itself.
/// </summary>
public sealed record SearchDocument
{
    /// <summary>The tenant the item belongs to (the region's own item, never a hub copy).</summary>
    public required string Tenant { get; init; }

    /// <summary>The document type ("showcase", "practice", later "call", "event"): a <see cref="SearchDocumentType.Name"/>.</summary>
    public required string Type { get; init; }

    /// <summary>The item's id in its source, unique per tenant and type ("42").</summary>
    public required string Key { get; init; }

    /// <summary>Address below the tenant's root ("/projets/visite-augmentee"); the tenant's path base is added when shown.</summary>
    public required string Path { get; init; }

    public required string Title { get; init; }

    public string Summary { get; init; } = "";

    /// <summary>Plain text (no Markdown, no HTML) of the item's body.</summary>
    public string Body { get; init; } = "";

    /// <summary>The date shown and sorted on (publication, opening, start), in UTC.</summary>
    public DateTime DateUtc { get; init; }

    /// <summary>"fr" or "en": the stemmer used for the text.</summary>
    public string Language { get; init; } = "fr";

    /// <summary>Whether the item is shared with the network (shown by the hub's search, not only its region's).</summary>
    public bool Shared { get; init; }

    /// <summary>Facet values (<see cref="SearchFacets"/>): domains, technologies, programme, year.</summary>
    public IReadOnlyList<SearchFacetValue> Facets { get; init; } = [];

    public SearchDocumentKey Id => new(Tenant, Type, Key);
}

/// <summary>A facet value with the label shown for it (labels of the item's tenant vocabulary).</summary>
public readonly record struct SearchFacetValue(string Facet, string Value, string Label);

/// <summary>What identifies a document in the index.</summary>
public readonly record struct SearchDocumentKey(string Tenant, string Type, string Key);

/// <summary>The facet names the search pages filter and count on.</summary>
public static class SearchFacets
{
    public const string Type = "type";
    public const string Region = "region";
    public const string Domain = "domain";
    public const string Technology = "technology";
    public const string Programme = "programme";
    public const string Year = "year";

    /// <summary>The facets documents carry themselves (type and region come from the document's own columns).</summary>
    public static readonly IReadOnlyList<string> DocumentFacets = [Domain, Technology, Programme, Year];

    /// <summary>Every facet, in the order the results page shows them.</summary>
    public static readonly IReadOnlyList<string> All = [Type, Region, Domain, Technology, Programme, Year];
}

/// <summary>A kind of document a source produces, with what the results page shows for it.</summary>
/// <param name="Name">Stored in every document ("showcase").</param>
/// <param name="Label">French singular, the results' badge ("Projet").</param>
/// <param name="PluralLabel">French plural, the type facet ("Projets").</param>
/// <param name="ModuleId">The module that owns the type: its documents are found only where the tenant has it enabled.</param>
/// <param name="ListPath">The public list to browse ("/projets"), offered when nothing is found; empty for a type without a list (free pages).</param>
public sealed record SearchDocumentType(string Name, string Label, string PluralLabel, string ModuleId, string ListPath);
