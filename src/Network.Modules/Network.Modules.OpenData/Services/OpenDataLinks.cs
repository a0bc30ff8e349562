using System.Globalization;
using Network.Core.Localization;
using Network.Core.Theming;

namespace Network.Modules.OpenData.Services;

/// <summary>What the open data pages share: the catalog's head link and how dates and counts read.</summary>
public static class OpenDataLinks
{
    public static FeedLink CatalogLink(string pathBase) => new("Catalogue des données (DCAT)", DcatCatalog.ContentType, pathBase + DcatCatalog.Path);

    /// <summary>"22 novembre 2026" in the visitor's language, in Paris time.</summary>
    public static string Date(DateTime utc) => ParisTime.FromUtc(utc).ToString("D", CultureInfo.CurrentCulture);

    /// <summary>The machine-readable date for &lt;time datetime&gt;.</summary>
    public static string IsoDate(DateTime utc) => ParisTime.FromUtc(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Count(int rows) => rows.ToString("N0", CultureInfo.CurrentCulture);
}
