using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Showcases.Data;
using Network.Modules.Showcases.Services;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Showcases;

/// <summary>Accounts, vocabularies and published showcases for the showcase tests, through the host's own services.</summary>
public static class ShowcaseTestKit
{
    public const string Hdf = "hauts-de-france";
    public const string Na = "nouvelle-aquitaine";

    public static readonly (string Value, string Label)[] Domains = [("musees", "Musées"), ("archives", "Archives"), ("monuments-historiques", "Monuments historiques")];
    public static readonly (string Value, string Label)[] Technologies = [("numerisation-3d", "Numérisation 3D"), ("realite-virtuelle", "Réalité virtuelle"), ("application-mobile", "Application mobile")];

    /// <summary>Makes sure the tenant's vocabularies hold the test terms (the Content module may already seed them).</summary>
    public static Task EnsureVocabulariesAsync(this NetworkWebFactory factory, string tenant)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<ContentDbContext>();
            foreach (var (vocabulary, terms) in new[] { ("domains", Domains), ("technologies", Technologies) })
            {
                for (var i = 0; i < terms.Length; i++)
                {
                    var (value, label) = terms[i];
                    if (!await db.VocabularyTerms.AnyAsync(t => t.Vocabulary == vocabulary && t.Value == value))
                        db.VocabularyTerms.Add(new VocabularyTerm { Vocabulary = vocabulary, Value = value, Label = label, Position = 100 + i });
                }
            }
            await db.SaveChangesAsync();
            // Vocabularies and lists are cached per content generation: written directly here, so say it changed.
            sp.GetRequiredService<ContentChangeNotifier>().Changed(tenant);
            return true;
        });

    /// <summary>A signed-in client of a new account holding <paramref name="role"/> in <paramref name="tenant"/>.</summary>
    public static async Task<(string UserId, HttpClient Client)> SignedInWithRoleAsync(this NetworkWebFactory factory, string tenant, string role = NetworkRoles.Contributor)
    {
        var email = AccountTestKit.NewEmail(role.ToLowerInvariant());
        var account = await factory.CreateAccountAsync(email);
        await factory.GrantAsync(account.Id, tenant, role);
        return (account.Id, await factory.SignedInClientAsync(email));
    }

    /// <summary>Creates and publishes a showcase directly through the store (as the system).</summary>
    public static Task<ContentItem> PublishAsync(this NetworkWebFactory factory, string tenant, string title, ShowcaseFields fields, string summary = "Résumé du projet.", bool publish = true, bool shared = true)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var type = sp.GetRequiredService<ShowcaseType>();
            var created = await store.CreateAsync(type, new ContentEdit(title, null, summary, shared, fields), ContentActor.System);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
            if (!publish) return created.Item!;
            var published = await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentActor.System);
            Assert.True(published.Succeeded);
            return published.Item!;
        });

    public static Task<ContentItem?> FindItemAsync(this NetworkWebFactory factory, string tenant, int id)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<ContentDbContext>().Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id));

    public static Task<int> CountItemsAsync(this NetworkWebFactory factory, string tenant, string title)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<ContentDbContext>().Items.CountAsync(i => i.Title == title));

    /// <summary>The editor's form fields as a browser would post them (hidden inputs, text, checked boxes, selected options), with <paramref name="changes"/> applied.</summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlDocument document, IDictionary<string, string>? changes = null, params string[] remove)
        => HtmlForms.FormValues(document, "#showcase-editor-form", changes, remove);

    public static async Task<HttpResponseMessage> PostEditorAsync(this HttpClient client, string url, IHtmlDocument page, IDictionary<string, string>? changes = null, string? handler = null, params string[] remove)
        => await client.PostAsync(handler is null ? url : $"{url}?handler={handler}", new FormUrlEncodedContent(FormValues(page, changes, remove)));

    public static int IdFromLocation(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString;
        var segment = path.Split('?')[0].Split('/').Last();
        return int.Parse(segment);
    }
}
