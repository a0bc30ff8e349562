using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Directory.Data;
using Network.Modules.Directory.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.CommunityDirectory;

/// <summary>Organisations, profiles and outbox reads for the directory tests, through the host's own services.</summary>
public static class DirectoryTestKit
{
    public const string Hdf = "hauts-de-france";
    public const string Na = "nouvelle-aquitaine";

    public static string Unique(string text) => $"{text} {Guid.NewGuid():N}"[..(text.Length + 9)];

    /// <summary>Creates (and by default publishes) an organisation through the store, as the system.</summary>
    public static Task<Network.Modules.Content.Data.ContentItem> OrganisationAsync(this NetworkWebFactory factory, string tenant, string title,
        OrganisationFields? fields = null, bool publish = true, bool shared = true, string summary = "Une organisation du secteur.")
        => factory.InTenantAsync(tenant, async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var type = sp.GetRequiredService<OrganisationType>();
            var created = await store.CreateAsync(type, new ContentEdit(title, null, summary, shared, fields ?? new OrganisationFields { Kind = "musee", Commune = "Amiens" }), ContentActor.System);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
            if (!publish) return created.Item!;
            var published = await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentActor.System);
            Assert.True(published.Succeeded);
            return published.Item!;
        });

    /// <summary>Saves <paramref name="userId"/>'s profile in <paramref name="tenant"/> and returns its stored row.</summary>
    public static Task<MemberProfile> ProfileAsync(this NetworkWebFactory factory, string tenant, string userId, string name, bool isPublic, bool open = true, string tags = "numérisation 3D")
        => factory.InTenantAsync(tenant, async sp =>
        {
            var profiles = sp.GetRequiredService<MemberProfiles>();
            Assert.Empty(await profiles.SaveAsync(userId, new ProfileInput(name, "Chargée de mission", "Une courte présentation.", tags, isPublic, open)));
            return (await profiles.FindOwnAsync(userId))!;
        });

    public static Task<List<T>> DirectoryRowsAsync<T>(this NetworkWebFactory factory, string tenant, Func<DirectoryDbContext, IQueryable<T>> query)
        => factory.InTenantAsync(tenant, sp => query(sp.GetRequiredService<DirectoryDbContext>()).ToListAsync());
}
