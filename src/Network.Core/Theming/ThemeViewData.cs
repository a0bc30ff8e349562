namespace Network.Core.Theming;

/// <summary>ViewData keys pages use to talk to the theme's layouts, without referencing the theme.</summary>
public static class ThemeViewData
{
    /// <summary><c>IEnumerable&lt;KeyValuePair&lt;string, string&gt;&gt;</c>: (French label, tenant-relative path) of the breadcrumb between the section root and the page.</summary>
    public const string BreadcrumbParents = "Theme.BreadcrumbParents";

    /// <summary>The page's own description for search engines and link previews (meta description, og:description); the site's baseline otherwise.</summary>
    public const string Description = "Theme.Description";

    /// <summary>true: no breadcrumb (home and error pages).</summary>
    public const string HideBreadcrumb = "Theme.HideBreadcrumb";

    /// <summary>true: the page must not touch the tenant database (error pages, uninitialized tenants).</summary>
    public const string IsErrorPage = "Theme.IsErrorPage";

    /// <summary>string: absolute URL of the page's image for link previews (og:image).</summary>
    public const string SocialImage = "Theme.SocialImage";

    /// <summary>int: seconds after which the page reloads itself (<c>meta http-equiv="refresh"</c>), for progress pages without script.</summary>
    public const string RefreshSeconds = "Theme.RefreshSeconds";
}

/// <summary>A feed of a page (its title, media type application/rss+xml… and address), announced in the head through an <see cref="IHeadLinkSource"/>.</summary>
public sealed record FeedLink(string Title, string MediaType, string Href);

/// <summary>A <c>&lt;link&gt;</c> a page's head carries (rel="search" for an OpenSearch description, rel="alternate" for a feed…).</summary>
public sealed record HeadLink(string Rel, string MediaType, string Title, string Href);

/// <summary>
/// Links a module adds to the heads of the current tenant's pages (every page, or those below an address: a content
/// type's feeds), without the theme knowing the module: the one way pages announce feeds. It must not touch a database (error pages render the head too) and answers nothing where its module is disabled.
/// </summary>
public interface IHeadLinkSource
{
    IEnumerable<HeadLink> Links(Microsoft.AspNetCore.Http.HttpContext context);
}
