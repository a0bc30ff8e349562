using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Lists;
using Network.Modules.Directory.Data;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory.Pages.Annuaire;

/// <summary>
/// The directory of organisations: a text search (name, other names, commune, description) and filters by kind,
/// expertise (domains, technologies), commune and, on the hub, region, as plain links with counts; served from the
/// Content module's cached list (on the hub, the regions' shared organisations are copies linking to their region).
/// </summary>
public sealed class OrganisationListModel(OrganisationCatalog catalog, TenantContext tenantContext, TenantCatalog tenants, IStringLocalizer localizer) : PageModel
{
    public const int PageSize = 24;
    public const string TextParameter = "q";
    private const string TextFacet = "\u0001text";
    private static readonly ContentFilter TextFilter = new(TextFacet, TextParameter);

    public ContentListPage Result { get; private set; } = null!;
    public FacetPanelView Facets { get; private set; } = null!;
    public PaginationView Pagination { get; private set; } = null!;
    public IReadOnlyList<OrganisationCard> Cards { get; private set; } = [];
    public bool IsHub { get; private set; }
    public string Text { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        IsHub = tenant.IsHub;
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        var (domains, technologies) = await catalog.LabelsAsync(cancellationToken);
        var communes = snapshot.Items.Select(c => c.FieldsAs<OrganisationFields>().Commune.Trim()).Where(c => c.Length > 0)
            .GroupBy(OrganisationType.CommuneValue).ToDictionary(g => g.Key, g => g.First());

        var facets = new List<ContentFacetDefinition>();
        if (IsHub) facets.Add(new(ContentFilter.Region, localizer["Région"], v => tenants.Find(v)?.DisplayName ?? v, ByLabel: true));
        facets.Add(new(OrganisationType.Filters.Kind, localizer["Type de structure"], v => localizer[OrganisationKinds.Label(v)], ByLabel: true));
        facets.Add(new(OrganisationType.Filters.Domain, localizer["Domaine d'expertise"], v => domains.GetValueOrDefault(v) ?? v));
        facets.Add(new(OrganisationType.Filters.Technology, localizer["Technologie"], v => technologies.GetValueOrDefault(v) ?? v));
        facets.Add(new(OrganisationType.Filters.Commune, localizer["Commune"], v => communes.GetValueOrDefault(v) ?? v, ByLabel: true));
        facets.Add(new(OrganisationType.Filters.Verified, localizer["Vérification"], _ => localizer["Vérifiée"]));

        // The text search rides along as a pseudo-facet, so every filter, sort and page link keeps it; it filters the snapshot itself.
        var (query, urls) = ContentListView.Read(Request.Query, (Request.PathBase.Value ?? "") + catalog.Type.PublicPath,
            [.. facets, new(TextFilter, "", v => v)], PageSize);
        Text = query.Filters.GetValueOrDefault(TextFacet) ?? "";
        var facetQuery = query with { Filters = query.Filters.Where(f => f.Key != TextFacet).ToDictionary(f => f.Key, f => f.Value) };
        var searched = OrganisationNames.Normalise(Text) is { Length: > 0 } wanted
            ? snapshot with { Items = snapshot.Items.Where(c => Matches(c, wanted)).ToList() }
            : snapshot;
        // A directory reads in alphabetical order.
        Result = ContentListResults.Run(searched, facetQuery with { Sort = ContentSort.Title }, facets.Select(f => f.Facet).ToList());
        Facets = ContentListView.Facets(Result, facets, facetQuery, urls);
        Pagination = ContentListView.Pagination(Result, urls);
        Cards = Result.Items.Select(c => catalog.Card(c, domains, technologies)).ToList();
        ViewData[ThemeViewData.Description] = localizer["Les organisations du numérique culturel : musées, archives, laboratoires, entreprises, associations, et ce qu'elles ont réalisé."].Value;
    }

    private static bool Matches(ContentCard card, string wanted)
    {
        var f = card.FieldsAs<OrganisationFields>();
        return OrganisationNames.Normalise(string.Join(' ', [card.Item.Title, card.Item.Summary, f.Commune, .. f.OtherNames, f.Description])).Contains(wanted, StringComparison.Ordinal);
    }
}
