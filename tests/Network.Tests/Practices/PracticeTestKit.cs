using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Practices.Data;
using Network.Modules.Practices.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Practices;

/// <summary>Practices and showcases written straight through the content store (or the database for hub copies), for page tests.</summary>
public static class PracticeTestKit
{
    public static PracticeFields Fields(string[]? tags = null, string[]? domains = null, string context = "Un musée de région.", List<int>? related = null)
        => new()
        {
            Context = context,
            Objectives = "Ouvrir les collections.",
            Approach = "Une démarche en trois temps.",
            WhatWorked = "L'équipe s'est approprié l'outil.",
            Tags = [.. tags ?? []],
            Domains = [.. domains ?? []],
            RelatedShowcaseIds = related ?? [],
            AuthorName = "Alex Dupont",
            Organisation = "Musée d'exemple",
            Resources = [new PracticeResource("Guide", "https://exemple.fr/guide")],
        };

    public static ContentEdit Edit(string title, PracticeFields fields, bool shared = true, string summary = "Un résumé court.")
        => new(title, null, summary, shared, fields);

    public static Task<ContentResult> CreateAsync(this NetworkWebFactory factory, string tenant, ContentEdit edit)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<ContentStore>().CreateAsync(sp.GetRequiredService<PracticeType>(), edit, ContentTestKit.Coordinator));

    /// <summary>Creates and publishes a practice; returns the published item.</summary>
    public static async Task<ContentItem> PublishedPracticeAsync(this NetworkWebFactory factory, string tenant, string title, PracticeFields fields, bool shared = true)
    {
        var created = await factory.CreateAsync(tenant, Edit(title, fields, shared));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var published = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<ContentStore>()
            .PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentTestKit.Coordinator));
        Assert.True(published.Succeeded);
        return published.Item!;
    }

    /// <summary>A showcase row of the tenant (the Showcases module's type is not needed to be pointed at).</summary>
    public static Task<ContentItem> ShowcaseAsync(this NetworkWebFactory factory, string tenant, string title, ContentStatus status = ContentStatus.Published)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<ContentDbContext>();
            var now = DateTime.UtcNow;
            var item = new ContentItem
            {
                ContentType = PracticeType.ShowcaseTypeName,
                Title = title,
                SortTitle = TextFolding.Fold(title),
                Slug = Slugs.FromTitle(title),
                Summary = "Projet",
                Status = status,
                CreatedUtc = now,
                UpdatedUtc = now,
                PublishedUtc = status == ContentStatus.Published ? now : null,
            };
            db.Items.Add(item);
            await db.SaveChangesAsync();
            return item;
        });

    /// <summary>
    /// Gives the hub a copy of a region's item in a chosen state (featured, not published, a given date), which
    /// the real feed cannot always produce: first lets the worker make its own copy, then overwrites it.
    /// </summary>
    public static async Task<ContentItem> HubCopyAsync(this NetworkWebFactory factory, string region, ContentItem original, bool featured = false,
        ContentStatus status = ContentStatus.Published, DateTime? publishedUtc = null)
    {
        await factory.DrainAsync(region);
        return await factory.InTenantAsync("network", async sp =>
        {
            var db = sp.GetRequiredService<ContentDbContext>();
            var existing = await db.Items.Include(i => i.Facets).FirstOrDefaultAsync(i => i.OriginTenant == region && i.OriginId == original.Id);
            if (existing is not null)
            {
                db.Items.Remove(existing);
                await db.SaveChangesAsync();
            }
            var copy = new ContentItem
            {
                ContentType = original.ContentType,
                Title = original.Title,
                SortTitle = original.SortTitle,
                Slug = original.Slug,
                Summary = original.Summary,
                FieldsJson = original.FieldsJson,
                Status = status,
                SharedWithNetwork = true,
                Featured = featured,
                AuthorName = original.AuthorName,
                CreatedUtc = original.CreatedUtc,
                UpdatedUtc = original.UpdatedUtc,
                PublishedUtc = publishedUtc ?? original.PublishedUtc,
                OriginTenant = region,
                OriginId = original.Id,
                Facets = [.. original.Facets.Select(f => new ContentFacetValue { Facet = f.Facet, Value = f.Value }),
                    new ContentFacetValue { Facet = PracticeType.RegionFacet, Value = region }],
            };
            db.Items.Add(copy);
            await db.SaveChangesAsync();
            sp.GetRequiredService<ContentChangeNotifier>().Changed("network");
            return copy;
        });
    }

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static string Tag() => "mot" + Guid.NewGuid().ToString("N")[..8];
}
