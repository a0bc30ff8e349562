using Network.Core.Tenancy;

namespace Network.Core.Modules;

/// <summary>Which home pages a <see cref="HomeBlockType"/> is offered on.</summary>
public enum HomeBlockScope { All, HubOnly, RegionsOnly }

/// <summary>The settings a <see cref="HomeBlockType"/> offers its coordinator in the home composer.</summary>
[Flags]
public enum HomeBlockSettings
{
    None = 0,
    /// <summary>The block's heading (each type has a default one).</summary>
    Title = 1,
    /// <summary>Markdown text (the hero's text, the free-text block).</summary>
    Text = 2,
    /// <summary>An image of the media library (the hero).</summary>
    Image = 4,
    /// <summary>A call to action: label and address (tenant-relative path or http(s) URL).</summary>
    Link = 8,
    /// <summary>How many items a list block shows.</summary>
    Count = 16,
}

/// <summary>
/// A kind of block a module offers for home pages (hero, latest news, open calls, key figures…). The Home module
/// lets coordinators place blocks of the types of the tenant's enabled modules in any order, each with the
/// <see cref="Settings"/> the type declares, and renders a block by invoking <see cref="ViewComponent"/> with
/// the placed <see cref="HomeBlock"/> as its <c>block</c> argument.
/// </summary>
/// <param name="Id">Stable name stored in layouts ("news-latest"); never changes.</param>
/// <param name="Name">French name shown in the composer ("Dernières actualités"); translated through the localizer.</param>
/// <param name="Description">One French sentence for the composer.</param>
/// <param name="ViewComponent">A <c>ViewComponent</c> type whose <c>InvokeAsync(HomeBlock block)</c> reads the tenant from the request.</param>
/// <param name="DefaultOrder">Position in the default layout (used until a coordinator publishes one).</param>
/// <param name="InDefaultLayout">Whether the default layout has this block.</param>
public sealed record HomeBlockType(
    string Id,
    string Name,
    string Description,
    Type ViewComponent,
    HomeBlockSettings Settings = HomeBlockSettings.Title,
    HomeBlockScope Scope = HomeBlockScope.All,
    int DefaultOrder = 100,
    bool InDefaultLayout = true)
{
    public bool AppliesTo(TenantInfo tenant) => Scope switch
    {
        HomeBlockScope.HubOnly => tenant.IsHub,
        HomeBlockScope.RegionsOnly => !tenant.IsHub,
        _ => true,
    };
}

/// <summary>
/// One block placed on a home page with its coordinator's settings. Unset settings (null) mean the type's
/// defaults; a view component must render something sensible (or nothing at all) with every setting null.
/// </summary>
public sealed record HomeBlock
{
    /// <summary>The <see cref="HomeBlockType.Id"/>.</summary>
    public required string Type { get; init; }

    /// <summary>Identifies the block within its layout (editing, reordering, anchors); unique per layout.</summary>
    public string Key { get; init; } = "";

    public string? Title { get; init; }

    /// <summary>Markdown, rendered through <c>SafeMarkdown</c>.</summary>
    public string? Text { get; init; }

    /// <summary>A media library entry of the tenant (the block's module resolves it).</summary>
    public int? ImageId { get; init; }

    public string? LinkLabel { get; init; }

    /// <summary>Tenant-relative path ("/appels") or absolute http(s) URL.</summary>
    public string? LinkUrl { get; init; }

    /// <summary>How many items a list block shows (the view component clamps it).</summary>
    public int? Count { get; init; }
}
