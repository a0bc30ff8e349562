using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Api;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Api;

/// <summary>A list filter of a content type in the API: the type's <see cref="ContentFilter"/> (the list page's) and what it means.</summary>
public sealed record ContentApiFilter(ContentFilter Filter, string Description, bool HubOnly = false)
{
    /// <summary>The hub's filter on the region a shared item comes from.</summary>
    public static readonly ContentApiFilter Region = new(ContentFilter.Region, "Region the item comes from (tenant name).", HubOnly: true);

    public string Facet => Filter.Facet;
    public string Parameter => Filter.Parameter;
}

/// <summary>What every content item of the API carries, before its type's own fields.</summary>
public abstract class ContentApiItem
{
    /// <summary>Stable public id: the owning tenant and the item's number there ("hauts-de-france-12"), the same in the region and on the hub.</summary>
    [JsonPropertyOrder(-10)] public string Id { get; set; } = "";
    [JsonPropertyOrder(-9)] public string Title { get; set; } = "";
    [JsonPropertyOrder(-8)] public string Summary { get; set; } = "";
    /// <summary>The public page (in the owning region for a hub copy).</summary>
    [JsonPropertyOrder(-7)] public string Url { get; set; } = "";
    /// <summary>The tenant that publishes the item.</summary>
    [JsonPropertyOrder(-6)] public string Tenant { get; set; } = "";
    [JsonPropertyOrder(-5)] public string TenantName { get; set; } = "";
    [JsonPropertyOrder(-4)] public DateTime? PublishedAt { get; set; }
    [JsonPropertyOrder(-3)] public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// The API resource of a content type: the tenant's published items from the Content module's cached list
/// (<see cref="ContentListCache"/>; on the hub the regions' shared copies too), filtered, sorted and paged by
/// <see cref="ContentListEngine"/> exactly as the public list page is. A module derives one per type and writes only
/// how an item reads (and what per-request state, such as a call's phase, it depends on).
/// </summary>
public abstract class ContentApiResource<TItem>(ContentTypeDefinition type) : IApiResource where TItem : ContentApiItem
{
    public const string NewestSort = "newest";
    public const string TitleSort = "title";

    private IReadOnlyList<ApiFilter>? _filters;

    public abstract string Name { get; }
    public string ModuleId => type.ModuleId;
    public abstract string Description { get; }
    public Type ItemType => typeof(TItem);
    public IReadOnlyList<string> Sorts { get; } = [NewestSort, TitleSort];

    /// <summary>The facets of the public list page, in its order, with its parameter names.</summary>
    protected abstract IReadOnlyList<ContentApiFilter> ContentFilters { get; }

    public IReadOnlyList<ApiFilter> Filters => _filters ??= ContentFilters.Select(f => new ApiFilter(f.Parameter, f.Description, f.HubOnly)).ToList();

    /// <summary>
    /// What the items of this request read from besides the snapshot (a call's round, an event's status): the function
    /// that writes a card's type fields, and a text that changes whenever that state does (part of the version).
    /// </summary>
    protected abstract Task<(Func<ContentCard, TItem> Map, string State)> PrepareAsync(HttpContext http, ContentSnapshot snapshot, CancellationToken cancellationToken);

    public async Task<IApiResourceView> OpenAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var tenant = services.GetRequiredService<TenantContext>().Required;
        var snapshot = await services.GetRequiredService<ContentListCache>().GetAsync(services.GetRequiredService<ContentDbContext>(), tenant.Name, type, cancellationToken);
        var (map, state) = await PrepareAsync(http, snapshot, cancellationToken);
        var registry = services.GetRequiredService<TenantGenerations>().Registry;
        // The count tells a hub snapshot with a region hidden from the full one (same generation).
        var version = $"{snapshot.Generation}.{snapshot.Items.Count}.{registry}.{state}";
        var catalog = services.GetRequiredService<TenantCatalog>();
        var urls = services.GetRequiredService<TenantUrls>();
        return new View(this, snapshot, tenant, version, card =>
        {
            var item = map(card);
            var owner = card.Item.OriginTenant is { } origin ? catalog.Find(origin) : tenant;
            item.Id = ApiIds.Of(card.Item.OriginTenant ?? tenant.Name, card.Item.OriginId ?? card.Item.Id);
            item.Title = card.Item.Title;
            item.Summary = card.Item.Summary;
            item.Url = owner is null ? "" : urls.Absolute(owner, type.PublicUrl(card.Item.Slug));
            item.Tenant = owner?.Name ?? card.Item.OriginTenant ?? "";
            item.TenantName = owner?.DisplayName ?? item.Tenant;
            item.PublishedAt = card.Item.PublishedUtc is { } published ? DateTime.SpecifyKind(published, DateTimeKind.Utc) : null;
            item.UpdatedAt = DateTime.SpecifyKind(card.Item.UpdatedUtc, DateTimeKind.Utc);
            return item;
        });
    }

    private sealed class View(ContentApiResource<TItem> resource, ContentSnapshot snapshot, TenantInfo tenant, string version, Func<ContentCard, TItem> map) : IApiResourceView
    {
        public string Version => version;

        public ValueTask<ApiListResult> ListAsync(ApiListRequest request, CancellationToken cancellationToken)
        {
            var filters = resource.ContentFilters.Where(f => request.Filters.ContainsKey(f.Parameter))
                .ToDictionary(f => f.Facet, f => request.Filters[f.Parameter], StringComparer.Ordinal);
            var sort = request.Sort == TitleSort ? ContentSort.Title : ContentSort.Newest;
            var page = ContentListResults.Run(snapshot, new ContentListQuery(filters, sort, request.Page, request.PageSize), []);
            // The engine shows the last page for a page past the end; an API says there is nothing there.
            IReadOnlyList<object> items = page.Page == request.Page ? page.Items.Select(c => (object)map(c)).ToList() : [];
            return ValueTask.FromResult(new ApiListResult(items, page.Total));
        }

        public ValueTask<object?> FindAsync(string id, CancellationToken cancellationToken)
        {
            if (!ApiIds.TryParse(id, out var owner, out var number)) return ValueTask.FromResult<object?>(null);
            var card = snapshot.Items.FirstOrDefault(c => (c.Item.OriginTenant ?? tenant.Name) == owner && (c.Item.OriginId ?? c.Item.Id) == number);
            return ValueTask.FromResult<object?>(card is null ? null : map(card));
        }
    }
}
