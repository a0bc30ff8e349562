using System.Net;
using Network.Core.Tenancy;
using Network.Modules.Directory.Data;
using Network.Modules.Showcases.Data;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;
using static Network.Tests.CommunityDirectory.DirectoryTestKit;

namespace Network.Tests.CommunityDirectory;

/// <summary>The organisations' directory: filters, visibility, the hub's region filter, an organisation's work found by name.</summary>
public sealed class OrganisationDirectoryTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static IEnumerable<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page)
        => page.QuerySelectorAll(".fr-card__title a").Select(a => a.TextContent.Trim());

    [Fact]
    public async Task The_directory_lists_published_organisations_with_filters_and_text_search()
    {
        var museum = await factory.OrganisationAsync(Hdf, Unique("Musée filtré"), new OrganisationFields { Kind = "musee", Commune = "Saint-Quentin", Domains = ["musees"], Verified = true });
        var lab = await factory.OrganisationAsync(Hdf, Unique("Laboratoire filtré"), new OrganisationFields { Kind = "laboratoire", Commune = "Amiens", OtherNames = ["LabZyx"] });
        var draft = await factory.OrganisationAsync(Hdf, Unique("Brouillon caché"), publish: false);
        var client = factory.CreateClient();

        var all = Titles(await client.GetDocumentAsync($"/{Hdf}/annuaire")).ToList();
        Assert.Contains(museum.Title, all);
        Assert.Contains(lab.Title, all);
        Assert.DoesNotContain(draft.Title, all);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Hdf}/annuaire/{draft.Slug}")).StatusCode);

        var museums = Titles(await client.GetDocumentAsync($"/{Hdf}/annuaire?type=musee")).ToList();
        Assert.Contains(museum.Title, museums);
        Assert.DoesNotContain(lab.Title, museums);
        Assert.DoesNotContain(lab.Title, Titles(await client.GetDocumentAsync($"/{Hdf}/annuaire?commune=saint-quentin")));
        Assert.DoesNotContain(lab.Title, Titles(await client.GetDocumentAsync($"/{Hdf}/annuaire?domaine=musees")));
        Assert.DoesNotContain(lab.Title, Titles(await client.GetDocumentAsync($"/{Hdf}/annuaire?verifiee=oui")));

        // The text search matches other names, ignores accents and case, and filter links keep it.
        var searched = await client.GetDocumentAsync($"/{Hdf}/annuaire?q=labzyx");
        Assert.Equal([lab.Title], Titles(searched));
        Assert.All(searched.QuerySelectorAll(".reseau-facets a").Select(a => a.GetAttribute("href")!), href => Assert.Contains("q=labzyx", href));

        // Hostile input never errors.
        foreach (var query in new[] { "?type=%00", "?q=" + new string('x', 500), "?page=-4", "?commune=<script>" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{Hdf}/annuaire{query}")).StatusCode);

        var detail = await client.GetDocumentAsync($"/{Hdf}/annuaire/{museum.Slug}");
        Assert.NotNull(detail.QuerySelector("#badge-verifiee"));
        Assert.Null((await client.GetDocumentAsync($"/{Hdf}/annuaire/{lab.Slug}")).QuerySelector("#badge-verifiee"));
    }

    [Fact]
    public async Task The_hub_lists_every_regions_shared_organisations_with_a_region_filter()
    {
        var north = await factory.OrganisationAsync(Hdf, Unique("Archives du nord"));
        var south = await factory.OrganisationAsync(Na, Unique("Archives du sud"));
        var unshared = await factory.OrganisationAsync(Na, Unique("Non partagée"), shared: false);
        await factory.DrainAsync(Hdf);
        await factory.DrainAsync(Na);
        var client = factory.CreateClient();

        var hub = await client.GetDocumentAsync("/annuaire");
        var titles = Titles(hub).ToList();
        Assert.Contains(north.Title, titles);
        Assert.Contains(south.Title, titles);
        Assert.DoesNotContain(unshared.Title, titles);
        // A hub card links to the organisation's page in its region.
        Assert.EndsWith($"/{Na}/annuaire/{south.Slug}", hub.QuerySelectorAll(".fr-card__title a").First(a => a.TextContent.Trim() == south.Title).GetAttribute("href"));

        var filtered = Titles(await client.GetDocumentAsync($"/annuaire?region={Na}")).ToList();
        Assert.Contains(south.Title, filtered);
        Assert.DoesNotContain(north.Title, filtered);
        // A region's directory never shows another region's organisations.
        Assert.DoesNotContain(south.Title, Titles(await client.GetDocumentAsync($"/{Hdf}/annuaire")));
    }

    [Fact]
    public async Task An_organisation_lists_the_showcases_that_name_it_as_lead_or_partner_by_any_of_its_names()
    {
        var name = Unique("Atelier régional de relevé");
        var organisation = await factory.OrganisationAsync(Hdf, name, new OrganisationFields { Kind = "entreprise", OtherNames = ["ARR Picardie"] });
        await factory.EnsureVocabulariesAsync(Hdf);
        var lead = await factory.PublishAsync(Hdf, Unique("Projet porté"), new ShowcaseFields { LeadOrganisation = name.ToUpperInvariant() + ".", Programme = "PNV", AmountGranted = 12000 });
        var partner = await factory.PublishAsync(Hdf, Unique("Projet partenaire"), new ShowcaseFields { LeadOrganisation = "Autre", Partners = [new("arr picardie", "Relevés")] });
        var unrelated = await factory.PublishAsync(Hdf, Unique("Projet sans lien"), new ShowcaseFields { LeadOrganisation = name + " bis" });

        var page = await factory.CreateClient().GetDocumentAsync($"/{Hdf}/annuaire/{organisation.Slug}");
        var projects = page.QuerySelector("#liste-projets")!.TextContent;
        Assert.Contains(lead.Title, projects);
        Assert.Contains(partner.Title, projects);
        Assert.DoesNotContain(unrelated.Title, projects);
        Assert.Contains(lead.Title, page.QuerySelector("#liste-projets-finances")!.TextContent);
        Assert.DoesNotContain(partner.Title, page.QuerySelector("#liste-projets-finances")!.TextContent);
    }

    [Fact]
    public async Task A_coordinator_creates_an_organisation_in_the_editor_and_a_bad_siret_is_refused()
    {
        var coordinator = await factory.PersonAsync(Hdf, "Coordinator", "Claude Coordinatrice");
        var client = await coordinator.ClientAsync(factory);
        var url = $"/{Hdf}/admin/annuaire/nouveau";
        var form = await client.GetDocumentAsync(url);
        var title = Unique("Musée saisi");
        var values = new Dictionary<string, string>
        {
            ["Common.Title"] = title, ["Common.Summary"] = "Un musée.", ["Form.Kind"] = "musee", ["Form.Siret"] = "732 829 320 00075", ["Form.Commune"] = "Lille",
        };
        var refused = await client.PostAsync(url, new FormUrlEncodedContent(HtmlForms.FormValues(form, "#organisation-editor-form", values)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("clé de contrôle", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.CountItemsAsync(Hdf, title));

        values["Form.Siret"] = "732 829 320 00074";
        var saved = await client.PostAsync(url, new FormUrlEncodedContent(HtmlForms.FormValues(form, "#organisation-editor-form", values)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await factory.CountItemsAsync(Hdf, title));

        // A member without the permission cannot open the editor.
        var member = await factory.PersonAsync(Hdf, "Member", "Dominique Membre");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await member.ClientAsync(factory)).GetAsync(url)).StatusCode);
    }
}
