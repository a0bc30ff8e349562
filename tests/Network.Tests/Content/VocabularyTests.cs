using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Services;
using Network.Modules.Media;
using Network.Tests.Infrastructure;
using static Network.Tests.Content.ContentTestKit;

namespace Network.Tests.Content;

/// <summary>The vocabularies every tenant starts with, their admin page, and the media usage the content module reports.</summary>
public sealed class VocabularyTests(ContentWebFactory factory) : IClassFixture<ContentWebFactory>
{
    private const string Region = "hauts-de-france";

    private Task<IReadOnlyList<VocabularyEntry>> TermsAsync(string vocabulary, string tenant = Region)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<VocabularyService>().GetAsync(vocabulary));

    [Fact]
    public async Task Every_tenant_starts_with_the_twelve_domains_and_twelve_technologies_in_order()
    {
        foreach (var tenant in new[] { Region, "nouvelle-aquitaine", "network" })
        {
            var domains = await TermsAsync(Vocabularies.Domains, tenant);
            Assert.Equal(12, domains.Count);
            Assert.Equal(("monuments-historiques", "Monuments historiques"), (domains[0].Value, domains[0].Label));
            Assert.Equal(("education-artistique-et-culturelle", "Éducation artistique et culturelle"), (domains[^1].Value, domains[^1].Label));
            var technologies = await TermsAsync(Vocabularies.Technologies, tenant);
            Assert.Equal(12, technologies.Count);
            Assert.Contains(technologies, t => t.Value == "reconnaissance-d-ecriture-manuscrite" && t.Label == "Reconnaissance d'écriture manuscrite");
            Assert.Equal("portail-et-base-de-donnees", technologies[^1].Value);
        }
        var label = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<VocabularyService>().LabelAsync(Vocabularies.Domains, "musees"));
        Assert.Equal("Musées", label);
    }

    [Fact]
    public async Task Coordinators_add_rename_reorder_and_remove_terms_but_not_one_in_use()
    {
        var coordinator = await factory.PersonAsync("nouvelle-aquitaine", "Coordinator", "Vocabulaire Coord");
        var client = await coordinator.ClientAsync(factory);
        const string page = "/nouvelle-aquitaine/admin/vocabulaires";

        var added = await client.SubmitFormAsync(page, "#add-domains", new Dictionary<string, string> { ["label"] = "  Patrimoine   immatériel " });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var domains = await TermsAsync(Vocabularies.Domains, "nouvelle-aquitaine");
        Assert.Equal(("patrimoine-immateriel", "Patrimoine immatériel"), (domains[^1].Value, domains[^1].Label));
        var term = domains[^1];

        // Duplicates, empty and oversized labels are refused under the field, nothing written.
        foreach (var (label, message) in new[] { ("Patrimoine immatériel", "existe déjà"), ("  ", "Indiquez le libellé"), (new string('x', 121), "120 caractères"), ("!!!", "au moins une lettre") })
        {
            var refused = await client.SubmitFormAsync(page, "#add-domains", new Dictionary<string, string> { ["label"] = label });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var document = HtmlForms.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Contains(message, document.GetElementById("add-domains-label-messages")!.TextContent);
        }
        Assert.Equal(13, (await TermsAsync(Vocabularies.Domains, "nouvelle-aquitaine")).Count);

        // Renaming keeps the value.
        var renamed = await client.SubmitFormAsync(page, $"#rename-{term.Id}", new Dictionary<string, string> { ["label"] = "Patrimoine culturel immatériel" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        domains = await TermsAsync(Vocabularies.Domains, "nouvelle-aquitaine");
        Assert.Equal(("patrimoine-immateriel", "Patrimoine culturel immatériel"), (domains[^1].Value, domains[^1].Label));

        // Moving up swaps it with the one before.
        var before = domains[^2];
        var document2 = await client.GetDocumentAsync(page);
        var up = document2.QuerySelector($"#term-{term.Id} form[action*='handler=Move']")!;
        var token = document2.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var moved = await client.PostAsync(up.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("vocabulary", "domains"), new("id", term.Id.ToString()), new("direction", "up")]));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        domains = await TermsAsync(Vocabularies.Domains, "nouvelle-aquitaine");
        Assert.Equal([term.Value, before.Value], domains.TakeLast(2).Select(d => d.Value));
        var bogus = await client.PostAsync(up.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("vocabulary", "domains"), new("id", "abc"), new("direction", "sideways")]));
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        var foreign = await client.PostAsync(up.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("vocabulary", "domains"), new("id", "999999"), new("direction", "up")]));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // A term used by two items cannot be removed; the message gives the count.
        var type = factory.Service<TestNoteType>();
        foreach (var n in new[] { 1, 2 })
        {
            await factory.InTenantAsync("nouvelle-aquitaine", sp => sp.GetRequiredService<ContentStore>()
                .CreateAsync(type, new ContentEdit($"Utilise le terme {n} {Guid.NewGuid()}", null, "", true, new TestNoteFields()), coordinator.Actor()));
        }
        var musees = domains.Single(d => d.Value == "musees");
        await factory.InTenantAsync("nouvelle-aquitaine", async sp =>
        {
            // The note type has no domain field: tag its items with the domain facet directly, as a showcase would be.
            var db = sp.GetRequiredService<Network.Modules.Content.Data.ContentDbContext>();
            var ids = db.Items.Where(i => i.Title.StartsWith("Utilise le terme")).Select(i => i.Id).ToList();
            db.FacetValues.AddRange(ids.Select(id => new Network.Modules.Content.Data.ContentFacetValue { ItemId = id, Facet = "domain", Value = "musees" }));
            return await db.SaveChangesAsync();
        });
        var inUse = await client.SubmitFormAsync(page, $"#remove-{musees.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, inUse.StatusCode);
        Assert.Contains("« Musées » est utilisé par 2 contenus", HtmlForms.Parse(await inUse.Content.ReadAsStringAsync()).GetElementById("vocabulary-error")!.TextContent);
        Assert.Contains(await TermsAsync(Vocabularies.Domains, "nouvelle-aquitaine"), d => d.Value == "musees");

        var removed = await client.SubmitFormAsync(page, $"#remove-{term.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(await TermsAsync(Vocabularies.Domains, "nouvelle-aquitaine"), d => d.Value == term.Value);
        // Other tenants' vocabularies are untouched.
        Assert.Equal(12, (await TermsAsync(Vocabularies.Domains, Region)).Count);
    }

    [Fact]
    public async Task The_media_library_learns_which_items_use_a_file()
    {
        var type = factory.Service<TestNoteType>();
        var item = (await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>()
            .CreateAsync(type, new ContentEdit("Avec image " + Guid.NewGuid(), null, "", true, new TestNoteFields { Images = [4242, 4243] }), Coordinator))).Item!;
        var usages = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<IMediaUsageProvider>().FindUsagesAsync(4242));
        var usage = Assert.Single(usages);
        Assert.Equal((item.Title, $"/admin/notes/{item.Id}"), (usage.Title, usage.Url));
        // Another tenant's file with the same id is not used here.
        Assert.Empty(await factory.InTenantAsync("nouvelle-aquitaine", sp => sp.GetRequiredService<IMediaUsageProvider>().FindUsagesAsync(4242)));
        // Dropping the image from the item frees the file.
        await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>()
            .SaveAsync(item.Id, item.Version, new ContentEdit(item.Title, null, "", true, new TestNoteFields { Images = [4243] }), Coordinator));
        Assert.Empty(await factory.InTenantAsync(Region, sp => sp.GetRequiredService<IMediaUsageProvider>().FindUsagesAsync(4242)));
    }
}
