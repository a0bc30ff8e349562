using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Lists;

/// <summary>
/// Whether a hub copy may be shown: its region must be running with content and the item's module enabled.
/// Disabling a region (or its module) hides its copies at once, without touching them, and re-enabling shows
/// them again; the tenant's own items are always visible.
/// </summary>
public sealed class HubVisibility(TenantCatalog catalog, ContentTypeRegistry types)
{
    public bool IsVisible(ContentItem item)
        => item.OriginTenant is null || IsOriginVisible(item.OriginTenant, item.ContentType);

    public bool IsOriginVisible(string originTenant, string contentType)
        => catalog.Find(originTenant) is { State: TenantState.Running } origin
           && origin.IsEnabled(ContentModule.ModuleId)
           && types.Find(contentType) is { } type && origin.IsEnabled(type.ModuleId);

    /// <summary>The regions whose copies of <paramref name="contentType"/> are hidden now (empty almost always).</summary>
    public IReadOnlySet<string> HiddenOrigins(string contentType)
        => catalog.All.Where(t => !t.IsHub && !IsOriginVisible(t.Name, contentType)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
}
