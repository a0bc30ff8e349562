using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Feed;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Tests.Tenancy;
using static Network.Tests.Content.ContentTestKit;

namespace Network.Tests.Content;

/// <summary>Shared, published items of a region are copied to the hub; anything else never leaves the region.</summary>
public sealed class HubShareTests(ContentWebFactory factory) : IClassFixture<ContentWebFactory>
{
    private const string Region = "hauts-de-france";
    private const string Hub = TenantRecord.HubName;

    private TestNoteType Type => factory.Service<TestNoteType>();

    private Task<ContentResult> InRegion(Func<ContentStore, Task<ContentResult>> work, string tenant = Region)
        => factory.InTenantAsync(tenant, sp => work(sp.GetRequiredService<ContentStore>()));

    private async Task<ContentItem> PublishedAsync(string title, bool shared = true, string tenant = Region, params string[] tags)
    {
        var edit = Note(title, tags: tags) with { SharedWithNetwork = shared };
        var item = (await InRegion(s => s.CreateAsync(Type, edit, Coordinator), tenant)).Item!;
        return (await InRegion(s => s.PerformAsync(item.Id, item.Version, ContentAction.Publish, Coordinator), tenant)).Item!;
    }

    private async Task<ContentItem?> CopyAsync(ContentItem item, string region = Region)
    {
        await factory.DrainAsync(region);
        return await factory.HubCopyAsync(region, item.Id);
    }

    [Fact]
    public async Task A_published_shared_item_is_copied_to_the_hub_with_its_region_facet()
    {
        var item = await PublishedAsync("Partagé " + Guid.NewGuid(), tags: ["musees"]);
        var copy = await CopyAsync(item);
        Assert.NotNull(copy);
        Assert.Equal((item.Slug, item.Title, item.Summary, item.FieldsJson, ContentStatus.Published), (copy.Slug, copy.Title, copy.Summary, copy.FieldsJson, copy.Status));
        Assert.Equal(item.PublishedUtc, copy.PublishedUtc);
        Assert.Contains(copy.Facets, f => f.Facet == "region" && f.Value == Region);
        Assert.Contains(copy.Facets, f => f.Facet == "tag" && f.Value == "musees");

        // An edit of the region's item reaches its copy; the copy is never a second item in the region.
        item = (await InRegion(s => s.SaveAsync(item.Id, item.Version, Note("Renommé " + Guid.NewGuid(), "nouveau texte", tags: ["archives"]), Coordinator))).Item!;
        copy = await CopyAsync(item);
        Assert.Equal(item.Title, copy!.Title);
        Assert.DoesNotContain(copy.Facets, f => f.Value == "musees");
        Assert.Contains(copy.Facets, f => f.Facet == "tag" && f.Value == "archives");
        Assert.Equal(1, await factory.InTenantAsync(Hub, sp => sp.GetRequiredService<ContentDbContext>().Items.CountAsync(i => i.OriginTenant == Region && i.OriginId == item.Id)));
    }

    [Fact]
    public async Task Drafts_submitted_scheduled_and_unshared_items_never_reach_the_hub()
    {
        var draft = (await InRegion(s => s.CreateAsync(Type, Note("Brouillon " + Guid.NewGuid()), Author))).Item!;
        var submitted = (await InRegion(s => s.CreateAsync(Type, Note("Soumis " + Guid.NewGuid()), Author))).Item!;
        submitted = (await InRegion(s => s.PerformAsync(submitted.Id, submitted.Version, ContentAction.Submit, Author))).Item!;
        var scheduled = (await InRegion(s => s.CreateAsync(Type, Note("Programmé " + Guid.NewGuid()), Coordinator))).Item!;
        scheduled = (await InRegion(s => s.PerformAsync(scheduled.Id, scheduled.Version, ContentAction.Schedule, Coordinator, publishAtUtc: DateTime.UtcNow.AddDays(3)))).Item!;
        var unshared = await PublishedAsync("Non partagé " + Guid.NewGuid(), shared: false);
        await factory.DrainAsync(Region);
        foreach (var item in new[] { draft, submitted, scheduled, unshared })
            Assert.Null(await factory.HubCopyAsync(Region, item.Id));
    }

    [Fact]
    public async Task Unsharing_archiving_and_deleting_remove_the_copy_at_once()
    {
        var unshare = await PublishedAsync("À retirer " + Guid.NewGuid());
        var archive = await PublishedAsync("À archiver " + Guid.NewGuid());
        var delete = await PublishedAsync("À supprimer " + Guid.NewGuid());
        Assert.NotNull(await CopyAsync(unshare));
        Assert.NotNull(await factory.HubCopyAsync(Region, archive.Id));
        Assert.NotNull(await factory.HubCopyAsync(Region, delete.Id));

        await InRegion(s => s.SaveAsync(unshare.Id, unshare.Version, Note(unshare.Title) with { SharedWithNetwork = false }, Coordinator));
        await InRegion(s => s.PerformAsync(archive.Id, archive.Version, ContentAction.Archive, Coordinator));
        // The store never deletes what was published; the feed still handles a deletion (say, by a future purge).
        await factory.InTenantAsync(Region, async sp =>
        {
            var db = sp.GetRequiredService<ContentDbContext>();
            db.Items.Remove(await db.Items.SingleAsync(i => i.Id == delete.Id));
            db.Changes.Add(new ContentChange { ItemId = delete.Id, ContentType = delete.ContentType, Action = "delete", CreatedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        await factory.DrainAsync(Region);
        Assert.Null(await factory.HubCopyAsync(Region, unshare.Id));
        Assert.Null(await factory.HubCopyAsync(Region, archive.Id));
        Assert.Null(await factory.HubCopyAsync(Region, delete.Id));

        // Sharing again brings it back.
        unshare = (await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>().FindAsync(unshare.Id)))!;
        await InRegion(s => s.SaveAsync(unshare.Id, unshare.Version, Note(unshare.Title), Coordinator));
        Assert.NotNull(await CopyAsync(unshare));
    }

    [Fact]
    public async Task The_feed_is_applied_by_the_background_worker_without_being_asked()
    {
        var item = await PublishedAsync("Sans attente " + Guid.NewGuid());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await factory.HubCopyAsync(Region, item.Id) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the worker never copied the item");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Replaying_the_feed_changes_nothing()
    {
        var item = await PublishedAsync("Rejoué " + Guid.NewGuid());
        var copy = await CopyAsync(item);
        // Forget the cursor: every change is offered again (at-least-once delivery after a crash).
        await factory.InTenantAsync(Region, async sp =>
        {
            var db = sp.GetRequiredService<ContentDbContext>();
            db.ChangeCursors.RemoveRange(db.ChangeCursors.Where(c => c.Consumer == "hub-share"));
            return await db.SaveChangesAsync();
        });
        var again = await CopyAsync(item);
        Assert.Equal(copy!.Id, again!.Id);
        Assert.Equal(1, await factory.InTenantAsync(Hub, sp => sp.GetRequiredService<ContentDbContext>().Items.CountAsync(i => i.OriginTenant == Region && i.OriginId == item.Id)));
    }

    [Fact]
    public async Task Copies_of_a_disabled_region_leave_the_hub_lists_and_come_back()
    {
        var manager = factory.Service<TenantManager>();
        await manager.CreateAsync(TenancyAssertions.Region("bretagne", "Bretagne"));
        var tag = "t" + Guid.NewGuid().ToString("N")[..8];
        var item = await PublishedAsync("Breton " + Guid.NewGuid(), tenant: "bretagne", tags: [tag]);
        Assert.NotNull(await CopyAsync(item, "bretagne"));
        Assert.Equal(1, await HubCountAsync(tag));

        await manager.SetStateAsync("bretagne", TenantState.Disabled);
        Assert.Equal(0, await HubCountAsync(tag));
        await manager.SetStateAsync("bretagne", TenantState.Running);
        Assert.Equal(1, await HubCountAsync(tag));

        foreach (var module in new[] { "Follows", "Discussions", "Directory", "Menus", "Pages", "News", "Events", "Calls", "Practices", "Showcases", "Content" })
            await manager.DisableFeatureAsync("bretagne", module);
        Assert.Equal(0, await HubCountAsync(tag));
        await manager.EnableFeatureAsync("bretagne", "Content");
        Assert.Equal(1, await HubCountAsync(tag));
    }

    [Fact]
    public async Task The_hub_shows_copies_of_several_regions_whose_slugs_may_be_equal()
    {
        var title = "Même titre " + Guid.NewGuid();
        var a = await PublishedAsync(title);
        var b = await PublishedAsync(title, tenant: "nouvelle-aquitaine");
        Assert.Equal(a.Slug, b.Slug);
        Assert.NotNull(await CopyAsync(a));
        Assert.NotNull(await CopyAsync(b, "nouvelle-aquitaine"));
    }

    private Task<int> HubCountAsync(string tag)
        => factory.InTenantAsync(Hub, async sp =>
        {
            var snapshot = await sp.GetRequiredService<ContentListCache>().GetAsync(sp.GetRequiredService<ContentDbContext>(), Hub, Type);
            return ContentListEngine.Run(snapshot, new ContentListQuery(new Dictionary<string, string> { ["tag"] = tag }), ["tag", "region"]).Total;
        });
}
