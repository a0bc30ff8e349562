using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using static Network.Tests.Content.ContentTestKit;

namespace Network.Tests.Content;

public sealed class ContentStoreTests(ContentWebFactory factory) : IClassFixture<ContentWebFactory>
{
    private const string Region = "hauts-de-france";

    private Task<T> InRegion<T>(Func<ContentStore, IServiceProvider, Task<T>> work)
        => factory.InTenantAsync(Region, sp => work(sp.GetRequiredService<ContentStore>(), sp));

    private TestNoteType Type => factory.Service<TestNoteType>();

    [Fact]
    public async Task Slug_comes_from_the_title_with_french_transliteration_and_stays_unique()
    {
        var title = $"Numérisation 3D de la cathédrale {Guid.NewGuid():N}"[..40];
        var first = await InRegion((s, _) => s.CreateAsync(Type, Note(title), Author));
        var second = await InRegion((s, _) => s.CreateAsync(Type, Note(title), Author));
        Assert.True(first.Succeeded);
        Assert.StartsWith("numerisation-3d-de-la-cathedrale-", first.Item!.Slug);
        Assert.Equal(first.Item.Slug + "-2", second.Item!.Slug);
    }

    [Fact]
    public async Task A_typed_slug_already_used_is_refused_and_nothing_changes()
    {
        var a = (await InRegion((s, _) => s.CreateAsync(Type, Note("Premier " + Guid.NewGuid()), Author))).Item!;
        var b = (await InRegion((s, _) => s.CreateAsync(Type, Note("Second " + Guid.NewGuid()), Author))).Item!;
        var result = await InRegion((s, _) => s.SaveAsync(b.Id, b.Version, Note(b.Title, slug: a.Slug), Author));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "Slug");
        var invalid = await InRegion((s, _) => s.SaveAsync(b.Id, b.Version, Note(b.Title, slug: "Avec Majuscules"), Author));
        Assert.Contains(invalid.Errors, e => e.Field == "Slug" && e.Message.Contains("avec-majuscules"));
        var reloaded = await InRegion((s, _) => s.FindAsync(b.Id));
        Assert.Equal(b.Slug, reloaded!.Slug);
        Assert.Equal(b.Version, reloaded.Version);
    }

    [Fact]
    public async Task Workflow_submit_reject_resubmit_publish_archive_keeps_a_revision_per_step()
    {
        var item = (await InRegion((s, _) => s.CreateAsync(Type, Note("Parcours " + Guid.NewGuid()), Author))).Item!;
        var denied = await InRegion((s, _) => s.PerformAsync(item.Id, item.Version, ContentAction.Publish, Author));
        Assert.False(denied.Succeeded);
        item = (await InRegion((s, _) => s.PerformAsync(item.Id, item.Version, ContentAction.Submit, Author))).Item!;
        Assert.Equal(ContentStatus.Submitted, item.Status);
        Assert.False((await InRegion((s, _) => s.SaveAsync(item.Id, item.Version, Note(item.Title, "modifié"), Author))).Succeeded);
        var noReason = await InRegion((s, _) => s.PerformAsync(item.Id, item.Version, ContentAction.Reject, Coordinator, reason: " "));
        Assert.Contains(noReason.Errors, e => e.Field == "Reason");
        item = (await InRegion((s, _) => s.PerformAsync(item.Id, item.Version, ContentAction.Reject, Coordinator, reason: "Ajoutez le budget."))).Item!;
        Assert.Equal(ContentStatus.Rejected, item.Status);
        Assert.Equal("Ajoutez le budget.", item.RejectionReason);
        item = (await InRegion((s, _) => s.SaveAsync(item.Id, item.Version, Note(item.Title, "avec budget"), Author))).Item!;
        item = (await InRegion((s, _) => s.PerformAsync(item.Id, item.Version, ContentAction.Submit, Author))).Item!;
        Assert.Null(item.RejectionReason);
        item = (await InRegion((s, _) => s.PerformAsync(item.Id, item.Version, ContentAction.Publish, Coordinator))).Item!;
        Assert.Equal(ContentStatus.Published, item.Status);
        Assert.NotNull(item.PublishedUtc);
        item = (await InRegion((s, _) => s.PerformAsync(item.Id, item.Version, ContentAction.Archive, Coordinator))).Item!;
        Assert.Equal(ContentStatus.Archived, item.Status);
        var history = await InRegion((s, _) => s.HistoryAsync(item.Id));
        Assert.Equal(["archive", "publish", "submit", "save", "reject", "submit", "create"], history.Select(h => h.Action));
    }

    [Fact]
    public async Task A_second_save_from_a_stale_version_is_refused_and_the_first_is_kept()
    {
        var item = (await InRegion((s, _) => s.CreateAsync(Type, Note("Concurrence " + Guid.NewGuid()), Coordinator))).Item!;
        var first = await InRegion((s, _) => s.SaveAsync(item.Id, item.Version, Note(item.Title, "version A"), Coordinator));
        var second = await InRegion((s, _) => s.SaveAsync(item.Id, item.Version, Note(item.Title, "version B"), Coordinator));
        Assert.True(first.Succeeded);
        Assert.True(second.Conflict);
        var current = await InRegion((s, _) => s.FindAsync(item.Id));
        Assert.Contains("version A", current!.FieldsJson);
    }

    [Fact]
    public async Task Concurrent_saves_from_the_same_version_let_exactly_one_through()
    {
        var item = (await InRegion((s, _) => s.CreateAsync(Type, Note("Course " + Guid.NewGuid()), Coordinator))).Item!;
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(n =>
            InRegion((s, _) => s.SaveAsync(item.Id, item.Version, Note(item.Title, $"version {n}"), Coordinator))));
        Assert.Single(results, r => r.Succeeded);
    }

    [Fact]
    public async Task Renaming_a_published_item_keeps_its_old_address_as_a_redirect_and_restore_brings_fields_back()
    {
        var item = (await InRegion((s, _) => s.CreateAsync(Type, Note("Ancien titre " + Guid.NewGuid(), "texte d'origine"), Coordinator))).Item!;
        var oldSlug = item.Slug;
        item = (await InRegion((s, _) => s.PerformAsync(item.Id, item.Version, ContentAction.Publish, Coordinator))).Item!;
        item = (await InRegion((s, _) => s.SaveAsync(item.Id, item.Version, Note("Nouveau titre " + Guid.NewGuid(), "texte modifié"), Coordinator))).Item!;
        Assert.NotEqual(oldSlug, item.Slug);
        var redirect = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().SlugRedirects.SingleAsync(r => r.OldSlug == oldSlug));
        Assert.Equal(item.Id, redirect.ItemId);
        item = (await InRegion((s, _) => s.RestoreAsync(item.Id, item.Version, 1, Coordinator))).Item!;
        Assert.Contains("texte d'origine", item.FieldsJson);
        Assert.Equal(oldSlug, item.Slug);
        Assert.Equal(ContentStatus.Published, item.Status);
        Assert.False(await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().SlugRedirects.AnyAsync(r => r.OldSlug == oldSlug)));
    }

    [Fact]
    public async Task Lists_count_facets_and_show_only_published_items()
    {
        var tag = "tag-" + Guid.NewGuid().ToString("N")[..6];
        var published = (await InRegion((s, _) => s.CreateAsync(Type, Note("Publié " + Guid.NewGuid(), tags: [tag, "commun"]), Coordinator))).Item!;
        await InRegion((s, _) => s.PerformAsync(published.Id, published.Version, ContentAction.Publish, Coordinator));
        await InRegion((s, _) => s.CreateAsync(Type, Note("Brouillon " + Guid.NewGuid(), tags: [tag]), Coordinator));
        var page = await factory.InTenantAsync(Region, async sp =>
        {
            var snapshot = await sp.GetRequiredService<ContentListCache>().GetAsync(sp.GetRequiredService<ContentDbContext>(), Region, Type);
            return ContentListEngine.Run(snapshot, new ContentListQuery(new Dictionary<string, string> { ["tag"] = tag }), ["tag"]);
        });
        Assert.Equal(1, page.Total);
        Assert.Equal(published.Id, page.Items[0].Item.Id);
        Assert.Contains(page.Facets["tag"], f => f.Value == tag && f.Count == 1);
    }
}
