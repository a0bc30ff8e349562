using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Home.Services;
using Network.Modules.Media;

namespace Network.Modules.Home.Blocks;

/// <summary>What the hero shows: its settings or the defaults (site name and baseline), its image, its call to action.</summary>
public sealed record HeroModel(HomeBlock Block, string Title, string? Text, ImageRef? Image, string? LinkLabel, string? LinkHref);

/// <summary>Home block "hero": the page's heading (h1), a short text, an image and a call to action.</summary>
public sealed class HeroViewComponent(TenantContext tenantContext, HomeRenderImages images) : ViewComponent
{
    public const string BlockTypeId = "hero";

    public IViewComponentResult Invoke(HomeBlock block)
    {
        var tenant = tenantContext.Required;
        var text = block.Text ?? (string.IsNullOrEmpty(tenant.Baseline) ? null : tenant.Baseline);
        var href = block.LinkUrl is { } url ? HomeLayoutRules.Href(url, HttpContext.Request.PathBase.Value ?? "") : null;
        return View(new HeroModel(block, block.Title ?? tenant.SiteName, text, images.Find(block.ImageId), block.LinkLabel, href));
    }
}

/// <summary>Home block "text": free Markdown with an optional heading.</summary>
public sealed class HomeTextViewComponent : ViewComponent
{
    public const string BlockTypeId = "text";

    public IViewComponentResult Invoke(HomeBlock block) => View(block);
}

/// <summary>One figure as shown: the number already formatted for the visitor's language.</summary>
public sealed record KeyFigureView(string Label, string Value);

/// <summary>Home block "key-figures": the numbers of every <see cref="IKeyFigureSource"/> of the tenant's enabled modules.</summary>
public sealed class KeyFiguresViewComponent(IEnumerable<IKeyFigureSource> sources, TenantContext tenantContext, ModuleCatalog modules) : ViewComponent
{
    public const string BlockTypeId = "key-figures";

    public async Task<IViewComponentResult> InvokeAsync(HomeBlock block)
    {
        var tenant = tenantContext.Required;
        var figures = new List<KeyFigure>();
        foreach (var source in sources)
        {
            if (!modules.IsEnabled(tenant, source.ModuleId)) continue;
            figures.AddRange(await source.GetAsync(tenant, HttpContext.RequestAborted));
        }
        var shown = figures.OrderBy(f => f.Order).Select(f => (f.Label, Format(f, CultureInfo.CurrentCulture))).ToList();
        return View((block, shown));
    }

    /// <summary>Thousands separators of the visitor's language; euro amounts without cents ("1 250 000 €", "€1,250,000").</summary>
    public static string Format(KeyFigure figure, CultureInfo culture)
    {
        if (figure.Unit != KeyFigureUnit.Euros) return figure.Value.ToString("N0", culture);
        var euros = (NumberFormatInfo)culture.NumberFormat.Clone();
        euros.CurrencySymbol = "€";
        if (culture.TwoLetterISOLanguageName == "fr") euros.CurrencyPositivePattern = 3; // "n €"
        return figure.Value.ToString("C0", euros);
    }
}

/// <summary>Home block "presentation": what the network offers (the text the theme's home had), with the regions' link to the hub.</summary>
public sealed class PresentationViewComponent(TenantContext tenantContext, TenantCatalog catalog) : ViewComponent
{
    public const string BlockTypeId = "presentation";

    public IViewComponentResult Invoke(HomeBlock block)
        => View((block, tenantContext.Required, catalog.Hub));
}
