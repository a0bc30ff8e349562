using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Services;
using Network.Tests.Content;
using static Network.Tests.Pages.PageTestKit;

namespace Network.Tests.Pages;

/// <summary>The store's rules for nested, fixed-address and unshared types, through the page type and a small test type.</summary>
public sealed class PageStoreTests(PagesWebFactory factory) : IClassFixture<PagesWebFactory>
{
    private Task<T> InHdf<T>(Func<ContentStore, IServiceProvider, Task<T>> work)
        => factory.InTenantAsync(Hdf, sp => work(sp.GetRequiredService<ContentStore>(), sp));

    private static string Problems(ContentResult result) => string.Join(" | ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));

    [Fact]
    public async Task A_sub_page_address_is_the_parents_followed_by_its_own_segment()
    {
        var parent = await factory.PublishedPageAsync(Hdf, Page(Unique("À propos")));
        Assert.DoesNotContain('/', parent.Slug);
        var typed = await factory.PublishedPageAsync(Hdf, Page("L'équipe", parent.Id, slug: "equipe"));
        Assert.Equal(parent.Slug + "/equipe", typed.Slug);
        // Made from the title under the same parent: the usual "-2" rule within the parent's address.
        var automatic = (await factory.CreateAsync(Hdf, Page("Équipe", parent.Id))).Item!;
        Assert.Equal(parent.Slug + "/equipe-2", automatic.Slug);
        // A typed segment is one segment: slashes are refused.
        var slashed = await factory.CreateAsync(Hdf, Page("Autre", parent.Id, slug: "a/b"));
        Assert.Contains(slashed.Errors, e => e.Field == "Slug");

        var directory = await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<PageDirectory>().PublishedAsync());
        var links = directory.Where(l => l.Path.StartsWith("/" + parent.Slug, StringComparison.Ordinal)).ToList();
        Assert.Equal(["/" + parent.Slug, "/" + parent.Slug + "/equipe"], links.Select(l => l.Path));
        Assert.Equal(parent.Id, links[1].ParentId);
    }

    [Fact]
    public async Task Renaming_or_moving_a_parent_rewrites_every_descendant_with_redirects_versions_and_feed_rows()
    {
        var top = await factory.PublishedPageAsync(Hdf, Page(Unique("Programme")));
        var child = await factory.PublishedPageAsync(Hdf, Page("Ateliers", top.Id, slug: "ateliers"));
        var grandchild = await factory.PublishedPageAsync(Hdf, Page("Inscriptions", child.Id, slug: "inscriptions"));
        var draft = (await factory.CreateAsync(Hdf, Page("Brouillon", child.Id, slug: "brouillon"))).Item!;
        var changesBefore = await InHdf((_, sp) => sp.GetRequiredService<ContentDbContext>().Changes.CountAsync());

        var renamed = await factory.SaveAsync(Hdf, top, Page(top.Title, slug: "programme-" + Guid.NewGuid().ToString("N")[..6]));
        Assert.True(renamed.Succeeded, Problems(renamed));
        var newTop = renamed.Item!.Slug;

        var movedChild = (await factory.ReloadAsync(Hdf, child.Id))!;
        var movedGrandchild = (await factory.ReloadAsync(Hdf, grandchild.Id))!;
        var movedDraft = (await factory.ReloadAsync(Hdf, draft.Id))!;
        Assert.Equal(newTop + "/ateliers", movedChild.Slug);
        Assert.Equal(newTop + "/ateliers/inscriptions", movedGrandchild.Slug);
        Assert.Equal(newTop + "/ateliers/brouillon", movedDraft.Slug);
        Assert.Equal(child.Version + 1, movedChild.Version);
        Assert.Equal(grandchild.Version + 1, movedGrandchild.Version);
        var changesAfter = await InHdf((_, sp) => sp.GetRequiredService<ContentDbContext>().Changes.CountAsync());
        Assert.Equal(changesBefore + 4, changesAfter);

        // Published pages' old addresses lead to the new ones; a never-published draft leaves none.
        var type = factory.Service<PageType>();
        var lookup = await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<ContentPublicLookup>().FindAsync(type, grandchild.Slug));
        Assert.Equal(movedGrandchild.Slug, lookup.RedirectSlug);
        var redirects = await InHdf((_, sp) => sp.GetRequiredService<ContentDbContext>().SlugRedirects.Where(r => r.ItemId == draft.Id).CountAsync());
        Assert.Equal(0, redirects);

        // Moving the child to the top level: its subtree follows.
        var moved = await factory.SaveAsync(Hdf, movedChild, Page("Ateliers", null, slug: "ateliers-" + Guid.NewGuid().ToString("N")[..6]));
        Assert.True(moved.Succeeded, Problems(moved));
        Assert.Equal(moved.Item!.Slug + "/inscriptions", (await factory.ReloadAsync(Hdf, grandchild.Id))!.Slug);
    }

    [Fact]
    public async Task Cycles_excessive_depth_and_forged_parents_are_refused_and_change_nothing()
    {
        var a = await factory.PublishedPageAsync(Hdf, Page(Unique("Niveau un")));
        var b = await factory.PublishedPageAsync(Hdf, Page("Niveau deux", a.Id, slug: "deux"));
        var c = await factory.PublishedPageAsync(Hdf, Page("Niveau trois", b.Id, slug: "trois"));
        var d = await factory.PublishedPageAsync(Hdf, Page("Niveau quatre", c.Id, slug: "quatre"));

        var tooDeep = await factory.CreateAsync(Hdf, Page("Niveau cinq", d.Id));
        Assert.Contains(tooDeep.Errors, e => e.Field == "ParentId" && e.Message.Contains("4 niveaux"));

        var self = await factory.SaveAsync(Hdf, a, Page(a.Title, a.Id));
        Assert.Contains(self.Errors, e => e.Field == "ParentId");
        var underDescendant = await factory.SaveAsync(Hdf, a, Page(a.Title, c.Id));
        Assert.Contains(underDescendant.Errors, e => e.Field == "ParentId");

        // Moving b (3 levels deep with its subtree) under another page's child would make 5 levels.
        var other = await factory.PublishedPageAsync(Hdf, Page(Unique("Autre racine")));
        var otherChild = await factory.PublishedPageAsync(Hdf, Page("Enfant", other.Id, slug: "enfant"));
        var deepMove = await factory.SaveAsync(Hdf, b, Page(b.Title, otherChild.Id, slug: "deux"));
        Assert.Contains(deepMove.Errors, e => e.Field == "ParentId");

        var missing = await factory.CreateAsync(Hdf, Page("Parent absent", 987654));
        Assert.Contains(missing.Errors, e => e.Field == "ParentId");

        // Another tenant's page id, and an item of another type, are not parents.
        var foreign = await factory.PublishedPageAsync(Na, Page(Unique("Page aquitaine")));
        var hdfPageIds = await InHdf((_, sp) => sp.GetRequiredService<ContentDbContext>().Items.Where(i => i.ContentType == PageType.TypeName).Select(i => i.Id).ToListAsync());
        if (!hdfPageIds.Contains(foreign.Id))
            Assert.Contains((await factory.CreateAsync(Hdf, Page("Parent étranger", foreign.Id))).Errors, e => e.Field == "ParentId");
        var folder = (await InHdf((s, sp) => s.CreateAsync(sp.GetRequiredService<TestFolderType>(), new ContentEdit(Unique("Dossier"), null, "", false, new TestFolderFields()), ContentActor.System))).Item!;
        Assert.Contains((await factory.CreateAsync(Hdf, Page("Parent d'un autre type", folder.Id))).Errors, e => e.Field == "ParentId");

        Assert.Equal(a.Slug, (await factory.ReloadAsync(Hdf, a.Id))!.Slug);
        Assert.Equal(a.Version, (await factory.ReloadAsync(Hdf, a.Id))!.Version);
        Assert.Equal(b.Slug, (await factory.ReloadAsync(Hdf, b.Id))!.Slug);
    }

    [Theory]
    [InlineData("projets")]
    [InlineData("pratiques")]
    [InlineData("admin")]
    [InlineData("compte")]
    [InlineData("media")]
    [InlineData("plan-du-site")]
    [InlineData("erreur")]
    [InlineData("appels")]
    [InlineData("evenements")]
    [InlineData("annuaire")]
    [InlineData("recherche")]
    [InlineData("contact")]
    public async Task A_top_level_page_may_not_take_a_route_or_planned_module_segment(string segment)
    {
        var typed = await factory.CreateAsync(Hdf, Page(Unique("Page"), slug: segment));
        Assert.Contains(typed.Errors, e => e.Field == "Slug" && e.Message.Contains($"« {segment} »"));
        // Made from the title: refused the same way (no silent "-2").
        var fromTitle = await factory.CreateAsync(Hdf, Page(segment));
        Assert.Contains(fromTitle.Errors, e => e.Field == "Slug");
        // Below a page the segment is free.
        var parent = await factory.PublishedPageAsync(Hdf, Page(Unique("Rubrique")));
        Assert.True((await factory.CreateAsync(Hdf, Page(Unique("Sous-page"), parent.Id, slug: segment))).Succeeded);
    }

    [Fact]
    public async Task Region_names_are_refused_as_first_segments_on_the_hub()
    {
        var result = await factory.CreateAsync(TenantRecord.HubName, Page("Une page", slug: Hdf));
        Assert.Contains(result.Errors, e => e.Field == "Slug" && e.Message.Contains(Hdf));
        var segments = factory.Service<ReservedSegments>().RouteSegments();
        Assert.Contains("projets", segments);
        Assert.Contains("admin", segments);
        Assert.Contains("_content", segments);
    }

    [Fact]
    public async Task A_role_page_has_its_fixed_address_whatever_is_typed_and_a_second_one_is_refused()
    {
        var first = await factory.CreateAsync(Na, Page("Nous contacter", slug: "autre-chose", role: PageRoles.Contact));
        var second = await factory.CreateAsync(Na, Page("Contact bis", role: PageRoles.Contact));
        // The legal/contact pages may already exist in the tenant: at least the second is refused, and any success is at the role's address.
        if (first.Succeeded) Assert.Equal(PageRoles.Contact, first.Item!.Slug);
        Assert.False(second.Succeeded);
        Assert.Contains(second.Errors, e => e.Field == "Slug");

        var unknownRole = await factory.CreateAsync(Na, Page("Rôle inventé", role: "tresor"));
        Assert.Contains(unknownRole.Errors, e => e.Field == "Role");
    }

    [Fact]
    public async Task Pages_are_never_shared_with_the_network()
    {
        var page = await factory.PublishedPageAsync(Hdf, Page(Unique("Page locale")));
        Assert.False(page.SharedWithNetwork);
        await factory.DrainAsync(Hdf);
        Assert.Null(await factory.HubCopyAsync(Hdf, page.Id));
    }

    [Fact]
    public async Task A_page_with_sub_pages_cannot_be_deleted_until_they_are_gone()
    {
        // Only never-published items can be deleted at all (workflow rule): drafts here.
        var parent = (await factory.CreateAsync(Hdf, Page(Unique("Parent")))).Item!;
        var child = (await factory.CreateAsync(Hdf, Page("Enfant", parent.Id))).Item!;
        var refused = await InHdf((s, _) => s.PerformAsync(parent.Id, parent.Version, ContentAction.Delete, ContentTestKit.Coordinator));
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Errors, e => e.Message.Contains("sous-pages"));
        Assert.NotNull(await factory.ReloadAsync(Hdf, parent.Id));

        Assert.True((await InHdf((s, _) => s.PerformAsync(child.Id, child.Version, ContentAction.Delete, ContentTestKit.Coordinator))).Succeeded);
        Assert.True((await InHdf((s, _) => s.PerformAsync(parent.Id, parent.Version, ContentAction.Delete, ContentTestKit.Coordinator))).Succeeded);
    }

    [Fact]
    public async Task Field_rules_stale_versions_and_oversized_bodies_are_refused_and_change_nothing()
    {
        var page = await factory.PublishedPageAsync(Hdf, Page(Unique("Règles")));
        var empty = await factory.SaveAsync(Hdf, page, Page(page.Title, body: " "));
        Assert.Contains(empty.Errors, e => e.Field == "Body");
        var huge = await factory.SaveAsync(Hdf, page, Page(page.Title, body: new string('x', PageType.BodyMaxLength + 1)));
        Assert.Contains(huge.Errors, e => e.Field == "Body");
        var halfEnglish = await factory.SaveAsync(Hdf, page, new ContentEdit(page.Title, null, "", false, new PageFields { Body = "Texte", TitleEn = "About" }));
        Assert.Contains(halfEnglish.Errors, e => e.Field == "BodyEn");
        var position = await factory.SaveAsync(Hdf, page, new ContentEdit(page.Title, null, "", false, new PageFields { Body = "Texte", Position = 5000 }));
        Assert.Contains(position.Errors, e => e.Field == "Position");

        Assert.True((await factory.SaveAsync(Hdf, page, Page(page.Title, body: "Nouvelle version."))).Succeeded);
        var stale = await factory.SaveAsync(Hdf, page, Page(page.Title, body: "Version périmée."));
        Assert.True(stale.Conflict);
        var current = (await factory.ReloadAsync(Hdf, page.Id))!;
        Assert.Equal(page.Version + 1, current.Version);
        Assert.Contains("Nouvelle version.", current.FieldsJson);
    }

    [Fact]
    public async Task The_hooks_are_generic_a_nested_test_type_follows_the_same_rules()
    {
        var type = factory.Service<TestFolderType>();
        Task<ContentResult> Create(string title, int? parent, string? slug = null)
            => InHdf((s, _) => s.CreateAsync(type, new ContentEdit(title, slug, "", true, new TestFolderFields { ParentId = parent }), ContentActor.System));
        var root = (await Create(Unique("Racine"), null)).Item!;
        var child = (await Create("Fiche", root.Id)).Item!;
        Assert.Equal(root.Slug + "/fiche", child.Slug);
        Assert.True(root.SharedWithNetwork);
        Assert.Contains((await Create("Interdit", null, "interdit")).Errors, e => e.Field == "Slug" && e.Message == "Adresse interdite.");
        // A page is not a folder's parent.
        var page = await factory.PublishedPageAsync(Hdf, Page(Unique("Page")));
        Assert.Contains((await Create("Sous une page", page.Id)).Errors, e => e.Field == "ParentId");

        // An action the type does not allow is refused by the store.
        var published = await InHdf((s, _) => s.PerformAsync(child.Id, child.Version, ContentAction.Publish, ContentTestKit.Coordinator));
        Assert.True(published.Succeeded);
        var archive = await InHdf((s, _) => s.PerformAsync(child.Id, published.Item!.Version, ContentAction.Archive, ContentTestKit.Coordinator));
        Assert.False(archive.Succeeded);
        Assert.Equal(ContentStatus.Published, (await factory.ReloadAsync(Hdf, child.Id))!.Status);
    }

    [Fact]
    public async Task Legal_role_pages_are_never_archived_nor_deleted()
    {
        var type = factory.Service<PageType>();
        var legal = new ContentItem { ContentType = PageType.TypeName, FieldsJson = type.WriteFields(new PageFields { Role = PageRoles.LegalNotice, Body = "x" }) };
        var free = new ContentItem { ContentType = PageType.TypeName, FieldsJson = type.WriteFields(new PageFields { Body = "x" }) };
        Assert.False(type.Allows(legal, ContentAction.Archive));
        Assert.False(type.Allows(legal, ContentAction.Delete));
        Assert.True(type.Allows(legal, ContentAction.Publish));
        Assert.True(type.Allows(free, ContentAction.Delete));
    }
}
