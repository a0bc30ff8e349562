using Network.Core.Tenancy;
using Network.Modules.Content.Data;

namespace Network.Modules.Content.Feed;

/// <summary>
/// Reads a tenant's change feed in order, in batches, with its own cursor (<see cref="ContentChangeCursor"/>).
/// Delivery is at least once: after a crash a batch may be applied again, so applying must be idempotent
/// (work from the item's current state, not from the change alone).
/// </summary>
public interface IContentChangeConsumer
{
    /// <summary>The cursor's key; never changes (a new name starts again from the first change).</summary>
    string Name { get; }

    /// <param name="tenant">The tenant whose feed this is.</param>
    /// <param name="changes">Committed changes, oldest first.</param>
    /// <param name="tenantScope">Services of a scope bound to <paramref name="tenant"/>.</param>
    Task ApplyAsync(TenantInfo tenant, IReadOnlyList<ContentChange> changes, IServiceProvider tenantScope, CancellationToken cancellationToken);
}
