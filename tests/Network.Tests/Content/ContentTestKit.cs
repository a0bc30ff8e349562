using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Feed;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Tests.Infrastructure;

namespace Network.Tests.Content;

/// <summary>A minimal content type for testing the shared workflow without any feature module's fields.</summary>
public sealed class TestNoteFields
{
    public string Body { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public List<int> Images { get; set; } = [];
}

public sealed class TestNoteType : ContentType<TestNoteFields>
{
    public override string Name => "test-note";
    public override string ModuleId => "Content";
    public override string DisplayName => "Note";
    public override string PluralName => "Notes";
    public override string PublicPath => "/notes";
    public override string AdminPath => "/admin/notes";
    public override IReadOnlyDictionary<string, string> FieldLabels => new Dictionary<string, string> { ["body"] = "Texte", ["tags"] = "Étiquettes" };

    protected override IEnumerable<(string Facet, string Value)> Facets(TestNoteFields fields) => fields.Tags.Select(t => ("tag", t));

    protected override IEnumerable<int> MediaIds(TestNoteFields fields) => fields.Images;

    protected override IEnumerable<(string Field, string Message)> Validate(TestNoteFields fields)
    {
        if (fields.Body.Length > 1000) yield return ("Body", "Texte trop long.");
    }
}

/// <summary>A host with the test note type registered.</summary>
public class ContentWebFactory : NetworkWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TestNoteType>();
            services.AddSingleton<ContentTypeDefinition>(sp => sp.GetRequiredService<TestNoteType>());
        });
    }
}

public static class ContentTestKit
{
    public static readonly ContentActor Author = new("author-1", "Camille Auteur", CanContribute: true, CanModerate: false, SelfPublishing: false);
    public static readonly ContentActor OtherContributor = new("author-2", "Dominique Autre", CanContribute: true, CanModerate: false, SelfPublishing: false);
    public static readonly ContentActor Coordinator = new("coord-1", "Claude Coordinateur", CanContribute: true, CanModerate: true, SelfPublishing: false);
    public static readonly ContentActor Visitor = new("", "", false, false, false);

    /// <summary>Runs <paramref name="work"/> in a DI scope bound to <paramref name="tenant"/>, as a request would.</summary>
    public static async Task<T> InTenantAsync<T>(this NetworkWebFactory factory, string tenant, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(tenant));
        await scope.ServiceProvider.GetRequiredService<TenantActivator>().EnsureActivatedAsync(factory.Tenant(tenant));
        return await work(scope.ServiceProvider);
    }

    /// <summary>Publishes what is due and applies every committed change of <paramref name="tenant"/> (hub copies, mails).</summary>
    public static Task DrainAsync(this NetworkWebFactory factory, string tenant)
        => factory.Service<ContentChangeWorker>().DrainAsync(tenant);

    /// <summary>The hub's copy of a region's item, if any.</summary>
    public static Task<ContentItem?> HubCopyAsync(this NetworkWebFactory factory, string region, int id)
        => factory.InTenantAsync(TenantRecord.HubName, sp => sp.GetRequiredService<ContentDbContext>().Items.AsNoTracking().Include(i => i.Facets)
            .FirstOrDefaultAsync(i => i.OriginTenant == region && i.OriginId == id));

    public static ContentEdit Note(string title, string body = "Texte", string? slug = null, params string[] tags)
        => new(title, slug, "Résumé", true, new TestNoteFields { Body = body, Tags = [.. tags] });
}
