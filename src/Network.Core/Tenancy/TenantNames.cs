using System.Text.RegularExpressions;

namespace Network.Core.Tenancy;

/// <summary>Rules for tenant names, prefixes and host names.</summary>
public static partial class TenantNames
{
    /// <summary>First path segments the hub itself uses: a tenant prefix may never shadow them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "api", "compte", "projets", "pratiques", "appels", "evenements", "actualites", "recherche",
        "annuaire", "donnees", "health", "assets", "dsfr", "media", "medias", "erreur", "langue", "affichage",
        "accessibilite", "mentions-legales", "donnees-personnelles", "plan-du-site", "contact", "favicon.ico",
        "robots.txt", "sitemap.xml", "css", "js", "lib", "static", "_content", "_framework", "network",
        "www", "feed", "flux", "rss", "atom", "login", "logout", "account", "tenants", "search", "events",
        // "/admin/sites/nouveau" is the creation form: a tenant of that name could not be edited.
        "nouveau",
    };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    public static bool IsSlug(string value) => SlugPattern().IsMatch(value) && !value.Contains("--");

    public static bool IsReserved(string value) => Reserved.Contains(value);

    public static bool IsHostName(string value) => HostPattern().IsMatch(value);
}
