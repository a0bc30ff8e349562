using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;

namespace Network.Modules.Pages.Services;

/// <summary>
/// First address segments a top-level page may not take, so page addresses never collide with the host: the first
/// literal segment of every route the host maps (module pages, endpoints, static assets), those of modules the
/// design plans, and every tenant's name and prefix (on the hub the first segment selects the region).
/// </summary>
public sealed class ReservedSegments(IServiceProvider services, TenantCatalog tenants)
{
    /// <summary>Modules planned in DESIGN.md whose lists will sit at these addresses.</summary>
    public static readonly IReadOnlyList<string> Planned = ["appels", "evenements", "annuaire", "recherche", "donnees", "api", "contact", "actualites"];

    private IReadOnlySet<string>? _routes;

    /// <summary>French problems of a page address (empty when it is free).</summary>
    public IEnumerable<string> Check(string slug)
    {
        var first = slug.Split('/')[0];
        if (first.Length == 0 || slug.Contains('/')) yield break;
        if (RouteSegments().Contains(first) || Planned.Contains(first, StringComparer.Ordinal))
            yield return $"L'adresse « {first} » est réservée à une rubrique du site : choisissez-en une autre pour cette page.";
        else if (tenants.All.Any(t => t.Name == first || t.Prefix == first))
            yield return $"L'adresse « {first} » est celle d'un site régional du réseau : choisissez-en une autre pour cette page.";
    }

    /// <summary>The first literal segment of every route pattern of the host, lower case.</summary>
    public IReadOnlySet<string> RouteSegments()
    {
        if (_routes is not null) return _routes;
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints;
        var segments = endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault())
            .Where(s => s is { Parts: [RoutePatternLiteralPart] })
            .Select(s => ((RoutePatternLiteralPart)s!.Parts[0]).Content.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        // Cached once the host has mapped its routes (an empty set means routing is not built yet).
        if (segments.Count > 0) _routes = segments;
        return segments;
    }
}
