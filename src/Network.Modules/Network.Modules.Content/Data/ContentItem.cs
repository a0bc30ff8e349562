namespace Network.Modules.Content.Data;

/// <summary>
/// One item of any content type (showcase, practice, later news and pages): the columns the workflow, the
/// addresses and the lists need, and the type's own fields as JSON (<see cref="FieldsJson"/>), read and
/// written through the type's <see cref="Services.ContentTypeDefinition"/>.
/// </summary>
public sealed class ContentItem
{
    public int Id { get; set; }

    /// <summary>The type's name ("showcase").</summary>
    public string ContentType { get; set; } = "";

    /// <summary>Address segment, unique per type among the tenant's own items.</summary>
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The title folded for sorting in French order (lower case, no accents).</summary>
    public string SortTitle { get; set; } = "";

    public string Summary { get; set; } = "";

    public string FieldsJson { get; set; } = "{}";

    public ContentStatus Status { get; set; }

    /// <summary>Published items with this flag appear on the hub; on by default.</summary>
    public bool SharedWithNetwork { get; set; } = true;

    /// <summary>Chosen by a coordinator for the hub's "featured" block of the region (at most six per tenant).</summary>
    public bool Featured { get; set; }

    public string? RejectionReason { get; set; }

    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>When the item was (or, while <see cref="ContentStatus.Scheduled"/>, will be) published.</summary>
    public DateTime? PublishedUtc { get; set; }

    /// <summary>Incremented by every change; the optimistic concurrency token editors post back.</summary>
    public int Version { get; set; } = 1;

    /// <summary>On the hub: the region the item is a copy of (null for the tenant's own items).</summary>
    public string? OriginTenant { get; set; }

    /// <summary>On the hub: the item's id in <see cref="OriginTenant"/>.</summary>
    public int? OriginId { get; set; }

    public List<ContentFacetValue> Facets { get; set; } = [];

    public bool IsMirror => OriginTenant is not null;

    public bool IsPublic => Status == ContentStatus.Published;

    /// <summary>
    /// Makes the item's facet rows those given (blank values dropped, values trimmed), touching only the rows that
    /// change: removing a tracked row and adding one with the same key would clash in EF's change tracker.
    /// </summary>
    public void SetFacets(IEnumerable<(string Facet, string Value)> facets)
    {
        var wanted = facets.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => (f.Facet, Value: f.Value.Trim())).ToHashSet();
        Facets.RemoveAll(f => !wanted.Contains((f.Facet, f.Value)));
        foreach (var (facet, value) in wanted.Where(w => !Facets.Any(f => f.Facet == w.Facet && f.Value == w.Value)))
            Facets.Add(new ContentFacetValue { ItemId = Id, Facet = facet, Value = value });
    }
}

public enum ContentStatus
{
    Draft = 0,
    Submitted = 1,
    Scheduled = 2,
    Published = 3,
    Rejected = 4,
    Archived = 5,
}

/// <summary>One value of one facet of an item ("domain" = "musees"), for filters and counts.</summary>
public sealed class ContentFacetValue
{
    public int ItemId { get; set; }
    public string Facet { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>A snapshot of an item kept at every save and every workflow step: the history and the audit trail.</summary>
public sealed class ContentRevision
{
    public int Id { get; set; }
    public int ItemId { get; set; }

    /// <summary>1, 2, 3… per item.</summary>
    public int Number { get; set; }

    /// <summary>What happened: "create", "save", "submit", "publish", "reject", "restore"…</summary>
    public string Action { get; set; } = "";

    /// <summary>The rejection reason, the restored revision…</summary>
    public string? Note { get; set; }

    public ContentStatus Status { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Summary { get; set; } = "";
    public string FieldsJson { get; set; } = "{}";
    public bool SharedWithNetwork { get; set; }

    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A former address of an item: answered with a permanent redirect to the current one.</summary>
public sealed class ContentSlugRedirect
{
    public string ContentType { get; set; } = "";
    public string OldSlug { get; set; } = "";
    public int ItemId { get; set; }
}

/// <summary>
/// The change feed: one row per committed change of an item, written in the same transaction. Consumers
/// (the hub copy, later the search index) keep a cursor and catch up after a crash or restart.
/// </summary>
public sealed class ContentChange
{
    public long Id { get; set; }
    public int ItemId { get; set; }
    public string ContentType { get; set; } = "";

    /// <summary>The workflow action or "save" / "delete" (see <see cref="Workflow.ContentAction"/>), for consumers such as notifications.</summary>
    public string Action { get; set; } = "";

    /// <summary>Who made the change ("" for the system, e.g. a scheduled publication).</summary>
    public string UserId { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

/// <summary>How far a consumer of the change feed has got.</summary>
public sealed class ContentChangeCursor
{
    public string Consumer { get; set; } = "";
    public long LastChangeId { get; set; }
}

/// <summary>Which media an item uses, so the media library refuses to delete them.</summary>
public sealed class ContentMediaUse
{
    public int ItemId { get; set; }
    public int MediaId { get; set; }
}

/// <summary>A term of a controlled vocabulary of the tenant (cultural domains, technologies), editable by coordinators.</summary>
public sealed class VocabularyTerm
{
    public int Id { get; set; }

    /// <summary>"domains" or "technologies".</summary>
    public string Vocabulary { get; set; } = "";

    /// <summary>Stable value stored in items and used in filter URLs ("monuments-historiques").</summary>
    public string Value { get; set; } = "";

    public string Label { get; set; } = "";
    public int Position { get; set; }
}

/// <summary>The tenant's content settings (one row).</summary>
public sealed class ContentSettings
{
    public int Id { get; set; } = 1;

    /// <summary>Contributors publish their own items without moderation.</summary>
    public bool AllowSelfPublishing { get; set; }
}
