using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Syndication;
using Network.Modules.Showcases.Data;

namespace Network.Modules.Showcases.Services;

/// <summary>The showcases' feeds (<c>/projets/rss.xml</c>, <c>/projets/atom.xml</c>): the description, the lead organisation as author, the programme and year.</summary>
public sealed class ShowcaseFeed(ShowcaseType type) : ContentFeedDefinition<ShowcaseFields>(type)
{
    public override string Description(TenantInfo tenant) => tenant.IsHub
        ? "Les projets numériques culturels partagés par les régions du réseau."
        : $"Les derniers projets numériques culturels publiés par {tenant.DisplayName}.";

    protected override ContentFeedParts PartsOf(ContentItem item, ShowcaseFields fields, TenantInfo owner)
    {
        var categories = new List<(string, string)>();
        if (fields.Programme.Trim().Length > 0) categories.Add((Network.Core.Text.Slugs.FromTitle(fields.Programme), fields.Programme.Trim()));
        if (fields.Year is { } year) categories.Add((year.ToString(System.Globalization.CultureInfo.InvariantCulture), year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new(fields.LeadOrganisation.Trim().Length > 0 ? fields.LeadOrganisation.Trim() : item.AuthorName, fields.Description, categories);
    }
}
