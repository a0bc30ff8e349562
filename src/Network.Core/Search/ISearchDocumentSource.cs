using Network.Core.Tenancy;

namespace Network.Core.Search;

/// <summary>
/// A module's contribution to the network search index: the public documents of a tenant, read for a rebuild.
/// Only what anybody may read belongs here (published, public items); drafts, applications, reviews and
/// registrations never do. Day-to-day changes reach the index through <see cref="ISearchIndexWriter"/>,
/// called by the module after its change committed, from a durable record of that change.
/// </summary>
public interface ISearchDocumentSource
{
    /// <summary>The document types this source produces.</summary>
    IReadOnlyList<SearchDocumentType> Types { get; }

    /// <summary>How many documents <see cref="ReadAllAsync"/> will yield for the tenant (for progress).</summary>
    Task<int> CountAsync(TenantInfo tenant, IServiceProvider tenantScope, CancellationToken cancellationToken);

    /// <summary>Every public document of the tenant, streamed.</summary>
    IAsyncEnumerable<SearchDocument> ReadAllAsync(TenantInfo tenant, IServiceProvider tenantScope, CancellationToken cancellationToken);
}

/// <summary>
/// Applies changes to the network search index (the Search module implements it). Upserting a document replaces
/// the one with the same <see cref="SearchDocument.Id"/>; removing an absent key does nothing, so replays are harmless.
/// When it returns, the change is durable in the index.
/// </summary>
public interface ISearchIndexWriter
{
    Task ApplyAsync(IReadOnlyList<SearchDocument> upserts, IReadOnlyList<SearchDocumentKey> removals, CancellationToken cancellationToken = default);
}
