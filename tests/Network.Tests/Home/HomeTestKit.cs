using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Home.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;

namespace Network.Tests.Home;

/// <summary>Drives the home composer as a coordinator's browser does: reads the page, posts its small forms.</summary>
public static class HomeTestKit
{
    public static string Composer(string prefix) => $"{prefix}/admin/accueil";

    public static async Task<HttpClient> CoordinatorAsync(this NetworkWebFactory factory, string tenant)
        => (await factory.SignedInWithRoleAsync(tenant, NetworkRoles.Coordinator)).Client;

    /// <summary>The section ids ("accueil-&lt;key&gt;") of the blocks on a page, in order.</summary>
    public static List<string> BlockSections(IHtmlDocument page)
        => page.QuerySelectorAll("main section[aria-labelledby^='accueil-']").Select(s => s.GetAttribute("aria-labelledby")!["accueil-".Length..]).ToList();

    /// <summary>The keys of the draft's blocks, in order, as the composer lists them.</summary>
    public static List<string> DraftKeys(IHtmlDocument composer)
        => composer.QuerySelectorAll("form[action$='handler=remove'] input[name=Key]").Select(i => ((IHtmlInputElement)i).Value).ToList();

    /// <summary>Posts the composer's form of <paramref name="handler"/> (for the block <paramref name="key"/> when given), changing <paramref name="changes"/>.</summary>
    public static async Task<HttpResponseMessage> ComposerActionAsync(this HttpClient client, string prefix, string handler, string? key = null, IDictionary<string, string>? changes = null)
    {
        var page = await client.GetDocumentAsync(Composer(prefix));
        var form = page.QuerySelectorAll($"form[action$='handler={handler}']").OfType<IHtmlFormElement>()
            .First(f => key is null || f.QuerySelector($"input[name=Key][value='{key}']") is not null);
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => changes is null || !changes.ContainsKey(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        if (changes is not null) values.AddRange(changes);
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
    }

    /// <summary>Posts the settings form of a block with <paramref name="changes"/>.</summary>
    public static async Task<HttpResponseMessage> EditBlockAsync(this HttpClient client, string prefix, string key, IDictionary<string, string> changes)
    {
        var url = $"{prefix}/admin/accueil/blocs/{key}";
        var page = await client.GetDocumentAsync(url);
        return await client.PostAsync(url, new FormUrlEncodedContent(HtmlForms.FormValues(page, "main form[enctype]", changes)));
    }

    public static void AssertRedirectedToComposer(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/accueil?fait=", response.Headers.Location!.OriginalString);
    }

    public static Task<HomeLayoutState> LayoutAsync(this NetworkWebFactory factory, string tenant)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<HomeLayouts>().GetAsync());

    public static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..8];
}
