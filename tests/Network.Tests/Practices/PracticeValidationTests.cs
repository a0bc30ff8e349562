using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Media;
using Network.Modules.Practices.Data;
using Network.Modules.Practices.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.Practices.PracticeTestKit;

namespace Network.Tests.Practices;

public sealed class PracticeValidationTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";

    private async Task AssertRefusedAsync(ContentEdit edit, string field)
    {
        var before = await CountAsync();
        var result = await factory.CreateAsync(Region, edit);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == field);
        Assert.Equal(before, await CountAsync());
    }

    private Task<int> CountAsync() => factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().Items.CountAsync(i => i.ContentType == PracticeType.TypeName));

    [Fact]
    public async Task A_practice_without_a_title_is_refused()
        => await AssertRefusedAsync(Edit("   ", Fields()), "Title");

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(document.cookie)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("ftp://exemple.fr/fichier")]
    [InlineData("//exemple.fr/sans-schema")]
    [InlineData("/chemin/local")]
    [InlineData("https://exemple.fr/avec espace")]
    [InlineData("")]
    public async Task Resource_links_must_be_web_addresses(string url)
    {
        var fields = Fields();
        fields.Resources = [new PracticeResource("Outil", url)];
        await AssertRefusedAsync(Edit(Unique("Lien"), fields), "Resources[0].Url");
    }

    [Fact]
    public async Task A_resource_without_a_label_and_too_many_resources_are_refused()
    {
        var fields = Fields();
        fields.Resources = [new PracticeResource(" ", "https://exemple.fr")];
        await AssertRefusedAsync(Edit(Unique("Sans intitulé"), fields), "Resources[0].Label");
        fields.Resources = [.. Enumerable.Range(0, PracticeType.MaxResources + 1).Select(n => new PracticeResource($"R{n}", "https://exemple.fr"))];
        await AssertRefusedAsync(Edit(Unique("Trop"), fields), "Resources");
    }

    [Fact]
    public async Task A_related_showcase_id_of_another_region_is_refused()
    {
        var foreign = await factory.ShowcaseAsync("nouvelle-aquitaine", Unique("Projet aquitain"));
        // The forged id must not also be a showcase of this region for the test to mean something.
        var clash = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().Items
            .AnyAsync(i => i.Id == foreign.Id && i.ContentType == PracticeType.ShowcaseTypeName));
        Assert.False(clash);
        await AssertRefusedAsync(Edit(Unique("Lien forgé"), Fields(related: [foreign.Id])), "RelatedShowcaseIds");

        // A practice is not a showcase either.
        var practice = (await factory.CreateAsync(Region, Edit(Unique("Autre pratique"), Fields()))).Item!;
        await AssertRefusedAsync(Edit(Unique("Lien vers une pratique"), Fields(related: [practice.Id])), "RelatedShowcaseIds");

        var own = await factory.ShowcaseAsync(Region, Unique("Projet des Hauts-de-France"));
        var ok = await factory.CreateAsync(Region, Edit(Unique("Lien correct"), Fields(related: [own.Id])));
        Assert.True(ok.Succeeded);
    }

    [Fact]
    public async Task Tags_are_limited_in_number_and_length_and_normalised_when_parsed()
    {
        Assert.Equal(["Réalité virtuelle", "médiation"], Network.Modules.Content.Services.ContentTags.Parse(" Réalité   virtuelle, médiation ,, ;réalité VIRTUELLE"));
        await AssertRefusedAsync(Edit(Unique("Trop de mots"), Fields(tags: [.. Enumerable.Range(0, 13).Select(n => $"mot {n}")])), "Tags");
        await AssertRefusedAsync(Edit(Unique("Mot long"), Fields(tags: [new string('a', 41)])), "Tags");
        await AssertRefusedAsync(Edit(Unique("Mot vide"), Fields(tags: ["!!!"])), "Tags");
    }

    [Fact]
    public async Task Oversized_sections_unknown_licences_and_images_without_alt_text_are_refused()
    {
        await AssertRefusedAsync(Edit(Unique("Long"), Fields(context: new string('x', PracticeType.TextMaxLength + 1))), "Context");
        var licence = Fields();
        licence.Licence = "Tous droits réservés à moi";
        await AssertRefusedAsync(Edit(Unique("Licence"), licence), "Licence");
        var image = Fields();
        image.Image = new ImageRef(1, "abc", 100, 100, "jpg", " ", false, null);
        await AssertRefusedAsync(Edit(Unique("Image"), image), "ImageAlt");
        image.Image = new ImageRef(1, "abc", 100, 100, "jpg", "", true, null);
        Assert.True((await factory.CreateAsync(Region, Edit(Unique("Image décorative"), image))).Succeeded);
    }

    [Fact]
    public async Task Domains_must_be_terms_of_the_vocabulary_when_the_tenant_has_one()
    {
        await AssertRefusedAsync(Edit(Unique("Domaine bizarre"), Fields(domains: ["Pas Un Terme"])), "Domains");
        await factory.InTenantAsync(Region, async sp =>
        {
            var db = sp.GetRequiredService<ContentDbContext>();
            if (!await db.VocabularyTerms.AnyAsync(t => t.Vocabulary == "domains" && t.Value == "musees"))
            {
                db.VocabularyTerms.Add(new VocabularyTerm { Vocabulary = "domains", Value = "musees", Label = "Musées" });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        await AssertRefusedAsync(Edit(Unique("Domaine inconnu"), Fields(domains: ["inconnu"])), "Domains");
        Assert.True((await factory.CreateAsync(Region, Edit(Unique("Domaine connu"), Fields(domains: ["musees"])))).Succeeded);
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_refused()
    {
        var item = (await factory.CreateAsync(Region, Edit(Unique("Concurrence"), Fields()))).Item!;
        var store = (IServiceProvider sp) => sp.GetRequiredService<ContentStore>();
        var first = await factory.InTenantAsync(Region, sp => store(sp).SaveAsync(item.Id, item.Version, Edit(item.Title, Fields(context: "A")), ContentTestKit.Coordinator));
        var second = await factory.InTenantAsync(Region, sp => store(sp).SaveAsync(item.Id, item.Version, Edit(item.Title, Fields(context: "B")), ContentTestKit.Coordinator));
        Assert.True(first.Succeeded);
        Assert.True(second.Conflict);
        var current = await factory.InTenantAsync(Region, sp => store(sp).FindAsync(item.Id));
        Assert.Equal("A", factory.Service<PracticeType>().Read(current!).Context);
    }
}
