using Microsoft.AspNetCore.Http;

namespace Network.Core.Api;

/// <summary>
/// A collection the public read-only API publishes under <c>/api/v1/{Name}</c>. A module registers one per kind of
/// public data it owns (as a singleton); the Api module maps the list and item endpoints of the resources of the
/// tenant's enabled modules and does everything else once: parameter checks, paging links, ETags, caching, errors.
/// </summary>
public interface IApiResource
{
    /// <summary>The path segment ("showcases").</summary>
    string Name { get; }

    /// <summary>The module that owns the data: the resource answers 404 where the tenant has not enabled it.</summary>
    string ModuleId { get; }

    /// <summary>One English sentence for the OpenAPI document.</summary>
    string Description { get; }

    /// <summary>The item's type: what one element of a list and the item endpoint serialize (its schema is published).</summary>
    Type ItemType { get; }

    /// <summary>The filters the list accepts, with the same parameter names as the public list page.</summary>
    IReadOnlyList<ApiFilter> Filters { get; }

    /// <summary>The sort orders accepted; the first is the default.</summary>
    IReadOnlyList<string> Sorts { get; }

    /// <summary>The tenant's current public data of this resource, read once per request.</summary>
    Task<IApiResourceView> OpenAsync(HttpContext http, CancellationToken cancellationToken);
}

/// <summary>What one request sees of a resource: immutable, so the same version and query always give the same answer.</summary>
public interface IApiResourceView
{
    /// <summary>Changes whenever any answer of the resource may change (content generation, states, region visibility).</summary>
    string Version { get; }

    /// <summary>One page; <see cref="ApiListRequest.Filters"/> are already checked against <see cref="IApiResource.Filters"/>.</summary>
    ValueTask<ApiListResult> ListAsync(ApiListRequest request, CancellationToken cancellationToken);

    /// <summary>The item of this id (<c>{tenant}-{number}</c>), or null.</summary>
    ValueTask<object?> FindAsync(string id, CancellationToken cancellationToken);
}

/// <param name="Parameter">The query parameter ("domaine").</param>
/// <param name="Description">English, for the OpenAPI document.</param>
/// <param name="HubOnly">Offered on the hub only (the region of the regions' shared items).</param>
public sealed record ApiFilter(string Parameter, string Description, bool HubOnly = false);

/// <param name="Filters">By parameter name, each given once.</param>
public sealed record ApiListRequest(IReadOnlyDictionary<string, string> Filters, string Sort, int Page, int PageSize);

/// <param name="Items">The page's items (instances of <see cref="IApiResource.ItemType"/>); empty past the last page.</param>
/// <param name="Total">Items matching the filters, over all pages.</param>
public sealed record ApiListResult(IReadOnlyList<object> Items, int Total);

/// <summary>Public identifiers: the tenant that owns an item and its number there, the same in the region and on the hub.</summary>
public static class ApiIds
{
    public static string Of(string tenant, int id) => tenant + "-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? value, out string tenant, out int id)
    {
        tenant = "";
        id = 0;
        var dash = value?.LastIndexOf('-') ?? -1;
        if (value is null || dash <= 0 || value.Length > 200) return false;
        tenant = value[..dash];
        return int.TryParse(value.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id) && id > 0;
    }
}

/// <summary>How the API writes enumeration values: camelCase, as JSON property names.</summary>
public static class ApiNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }
}
