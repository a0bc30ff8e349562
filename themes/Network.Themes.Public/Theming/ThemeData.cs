using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Network.Core.Modules;
using Network.Core.Navigation;
using Network.Core.Tenancy;
using Network.Core.Theming;

namespace Network.Themes.Public.Theming;

/// <summary>What the shared header and footer read about the request: tenant, culture, navigation, accessibility status.</summary>
public static class ThemeData
{
    public const string IsErrorPage = ThemeViewData.IsErrorPage;

    public static TenantInfo? Tenant(HttpContext context) => context.RequestServices.GetService<TenantContext>()?.Tenant;

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";

    /// <summary>
    /// The main menu (<see cref="IMainMenuSource"/>). Error pages and tenants not running get the default menu, which
    /// reads no database; a failure is logged and falls back to it too, so the header never breaks a page.
    /// </summary>
    public static async Task<IReadOnlyList<MenuLink>> MainMenuAsync(HttpContext context, bool errorPage)
    {
        if (Tenant(context) is not { } tenant) return [];
        var defaults = context.RequestServices.GetRequiredService<ModuleMainMenuSource>();
        if (errorPage || tenant.State != TenantState.Running) return defaults.Default(tenant);
        try
        {
            return await context.RequestServices.GetRequiredService<IMainMenuSource>().GetAsync(context, context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(ThemeData)).LogWarning(exception, "Could not read the main menu");
            return defaults.Default(tenant);
        }
    }

    /// <summary>
    /// The menu link the current page belongs to: the longest internal address that is the page or one of its parents
    /// (on /a-propos/equipe, "/a-propos/equipe" rather than "/a-propos"). Null when none is.
    /// </summary>
    public static MenuLink? CurrentLink(HttpContext context, IReadOnlyList<MenuLink> menu)
        => menu.SelectMany(l => l.Children.Count > 0 ? l.Children : [l])
            .Where(l => !l.IsExternal && l.Href.Length > 0 && IsCurrent(context, l.Href))
            .OrderByDescending(l => l.Href.Length).FirstOrDefault();

    /// <summary>True when <paramref name="path"/> (tenant-relative) is the current page or one of its parents ("/" only for the home page).</summary>
    public static bool IsCurrent(HttpContext context, string path)
    {
        var current = context.Request.Path.Value ?? "/";
        if (path == "/") return current == "/";
        return current.Equals(path, StringComparison.OrdinalIgnoreCase) || current.StartsWith(path.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The declared RGAA status, or null when it cannot be read safely (error pages, database trouble).</summary>
    public static async Task<AccessibilityConformance?> AccessibilityStatusAsync(HttpContext context, bool errorPage)
    {
        var source = context.RequestServices.GetService<IAccessibilityStatusSource>();
        if (source is null) return null;
        if (errorPage || Tenant(context) is not { State: TenantState.Running }) return source.Peek();
        try
        {
            return await source.GetAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The footer must never break a page: log and show the link without a status.
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(ThemeData)).LogWarning(exception, "Could not read the accessibility status");
            return null;
        }
    }

    /// <summary>French label of a conformity level (translated by the caller's localizer).</summary>
    public static string ConformanceLabel(AccessibilityConformance status) => status switch
    {
        AccessibilityConformance.TotalementConforme => "totalement conforme",
        AccessibilityConformance.PartiellementConforme => "partiellement conforme",
        _ => "non conforme",
    };
}

/// <summary>Breadcrumb trails: pages set <c>ViewData["Title"]</c> and optionally <see cref="ThemeViewData.BreadcrumbParents"/>; the layouts draw the trail.</summary>
public static class Breadcrumbs
{
    public const string ParentsKey = ThemeViewData.BreadcrumbParents;
    public const string HideKey = ThemeViewData.HideBreadcrumb;

    public static IReadOnlyList<KeyValuePair<string, string?>> Build(HttpContext context, Microsoft.Extensions.Localization.IStringLocalizer localizer,
        Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData, params (string Label, string Path)[] roots)
    {
        var trail = new List<KeyValuePair<string, string?>> { new(localizer["Accueil"], ThemeUrls.Tenant(context, "/")) };
        foreach (var (label, path) in roots) trail.Add(new(localizer[label], ThemeUrls.Tenant(context, path)));
        if (viewData[ParentsKey] is IEnumerable<KeyValuePair<string, string>> parents)
            trail.AddRange(parents.Select(p => new KeyValuePair<string, string?>(localizer[p.Key], ThemeUrls.Tenant(context, p.Value))));
        if (viewData["Title"]?.ToString() is { Length: > 0 } title) trail.Add(new(title, null));
        else if (trail.Count > 1) trail[^1] = new(trail[^1].Key, null);
        return trail;
    }

    /// <summary>
    /// The trail as a schema.org <c>BreadcrumbList</c> (JSON-LD), every step with its absolute address (the current page's
    /// own, without its query string). The default encoder escapes &lt;, &gt; and &amp;, so the JSON never closes its script element.
    /// </summary>
    public static string JsonLd(HttpContext context, IReadOnlyList<KeyValuePair<string, string?>> trail)
    {
        var origin = context.Request.Scheme + "://" + context.Request.Host.ToUriComponent();
        var items = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; i < trail.Count; i++)
        {
            var (label, url) = trail[i];
            items.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = label,
                ["item"] = origin + (url ?? context.Request.PathBase + context.Request.Path),
            });
        }
        return new System.Text.Json.Nodes.JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = items,
        }.ToJsonString();
    }
}
