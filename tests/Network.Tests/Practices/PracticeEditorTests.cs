using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Practices.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;
using static Network.Tests.Practices.PracticeTestKit;

namespace Network.Tests.Practices;

/// <summary>The practice editor through HTTP, as a contributor's browser uses it (no JavaScript).</summary>
public sealed class PracticeEditorTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";
    private const string New = "/hauts-de-france/admin/pratiques/nouveau";

    private static string Editor(int id) => $"/hauts-de-france/admin/pratiques/{id}";

    private async Task<HttpClient> ContributorAsync() => (await factory.SignedInWithRoleAsync(Region)).Client;

    private static List<KeyValuePair<string, string>> Values(IHtmlDocument page, IDictionary<string, string> changes)
        // A change to null leaves the field out, as if the browser had not posted it.
        => HtmlForms.FormValues(page, "#practice-editor-form", changes.Where(c => c.Value is not null).ToDictionary(), [.. changes.Where(c => c.Value is null).Select(c => c.Key)]);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IHtmlDocument page, IDictionary<string, string> changes, string? handler = null)
        => client.PostAsync(handler is null ? url : $"{url}?handler={handler}", new FormUrlEncodedContent(Values(page, changes)));

    private Task<int> CountAsync(string title)
        => factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().Items.CountAsync(i => i.Title == title));

    private async Task AssertRefusedAsync(HttpResponseMessage response, string title, string message)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Rien n'a été enregistré", html);
        Assert.Contains(message, html);
        Assert.Equal(0, await CountAsync(title));
    }

    [Fact]
    public async Task A_contributor_writes_a_practice_with_resources_tags_and_a_related_showcase()
    {
        var showcase = await factory.ShowcaseAsync(Region, Unique("Projet du Nord"));
        var client = await ContributorAsync();
        var page = await client.GetDocumentAsync(New);
        Assert.NotNull(page.QuerySelector($"input[name='Form.RelatedShowcaseIds'][value='{showcase.Id}']"));

        // Adding a resource row needs no JavaScript and saves nothing.
        var title = Unique("Ouvrir un fablab au musée");
        var added = await PostAsync(client, New, page, new Dictionary<string, string> { ["Common.Title"] = title, ["Form.Resources[0].Label"] = "Guide", ["Form.Resources[0].Url"] = "https://exemple.fr/guide" }, "AddResource");
        var withRow = HtmlForms.Parse(await added.Content.ReadAsStringAsync());
        Assert.NotNull(withRow.QuerySelector("input[name='Form.Resources[1].Url']"));
        Assert.Equal(0, await CountAsync(title));

        var created = await PostAsync(client, New, withRow, new Dictionary<string, string>
        {
            ["Common.Summary"] = "Un atelier de fabrication ouvert aux visiteurs.",
            ["Form.Context"] = "## Point de départ\r\nUn musée de 20 salariés.",
            ["Form.WhatWorked"] = "Les ateliers du samedi.",
            ["Form.Resources[1].Label"] = "Modèles 3D",
            ["Form.Resources[1].Url"] = "https://exemple.fr/modeles",
            ["Form.Tags"] = " fablab, Médiation ,, FABLAB ",
            ["Form.RelatedShowcaseIds"] = showcase.Id.ToString(),
            ["Form.Organisation"] = "Musée d'exemple",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('?')[0].Split('/').Last());
        var item = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().Items.SingleAsync(i => i.Id == id));
        var fields = factory.Service<PracticeType>().Read(item);
        Assert.Equal(title, item.Title);
        Assert.Equal(["fablab", "Médiation"], fields.Tags);
        Assert.Equal([showcase.Id], fields.RelatedShowcaseIds);
        Assert.Equal(2, fields.Resources.Count);
        Assert.Equal("## Point de départ\nUn musée de 20 salariés.", fields.Context);

        var editor = await client.GetDocumentAsync(Editor(id));
        Assert.Equal("fablab, Médiation", ((IHtmlInputElement)editor.QuerySelector("input[name='Form.Tags']")!).Value);
        Assert.True(((IHtmlInputElement)editor.QuerySelector($"input[name='Form.RelatedShowcaseIds'][value='{showcase.Id}']")!).IsChecked);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_written()
    {
        var foreign = await factory.ShowcaseAsync("nouvelle-aquitaine", Unique("Projet aquitain"));
        var client = await ContributorAsync();
        var page = await client.GetDocumentAsync(New);

        var title = Unique("Sans titre");
        await AssertRefusedAsync(await PostAsync(client, New, page, new Dictionary<string, string> { ["Common.Title"] = " ", ["Form.Context"] = title }), title, "Indiquez un titre.");

        title = Unique("Lien piégé");
        await AssertRefusedAsync(await PostAsync(client, New, page, new Dictionary<string, string>
        {
            ["Common.Title"] = title, ["Form.Resources[0].Label"] = "Piège", ["Form.Resources[0].Url"] = "javascript:alert(1)",
        }), title, "adresse web complète");

        title = Unique("Projet forgé");
        await AssertRefusedAsync(await PostAsync(client, New, page, new Dictionary<string, string>
        {
            ["Common.Title"] = title, ["Form.RelatedShowcaseIds"] = (foreign.Id + 100000).ToString(),
        }), title, "Un projet lié choisi n'existe pas sur ce site");
        if (!await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().Items.AnyAsync(i => i.Id == foreign.Id && i.ContentType == PracticeType.ShowcaseTypeName)))
        {
            await AssertRefusedAsync(await PostAsync(client, New, page, new Dictionary<string, string>
            {
                ["Common.Title"] = title, ["Form.RelatedShowcaseIds"] = foreign.Id.ToString(),
            }), title, "Un projet lié choisi n'existe pas sur ce site");
        }

        title = Unique("Types faux");
        await AssertRefusedAsync(await PostAsync(client, New, page, new Dictionary<string, string>
        {
            ["Common.Title"] = title, ["Form.RelatedShowcaseIds"] = "abc", ["Form.Domains"] = "pas-un-domaine",
        }), title, "Un projet lié choisi n'existe pas sur ce site");

        title = Unique("Licence inventée");
        await AssertRefusedAsync(await PostAsync(client, New, page, new Dictionary<string, string>
        {
            ["Common.Title"] = title, ["Form.Licence"] = "Tous droits réservés", ["Form.Tags"] = new string('x', 50),
        }), title, "Choisissez une des licences proposées.");
    }

    [Fact]
    public async Task A_save_from_a_stale_page_is_refused_and_keeps_what_was_typed()
    {
        var client = await ContributorAsync();
        var page = await client.GetDocumentAsync(New);
        var title = Unique("Deux onglets");
        var created = await PostAsync(client, New, page, new Dictionary<string, string> { ["Common.Title"] = title, ["Form.Context"] = "Version 1" });
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('?')[0].Split('/').Last());
        var first = await client.GetDocumentAsync(Editor(id));
        var second = await client.GetDocumentAsync(Editor(id));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, Editor(id), first, new Dictionary<string, string> { ["Form.Context"] = "Onglet A" })).StatusCode);
        var stale = await PostAsync(client, Editor(id), second, new Dictionary<string, string> { ["Form.Context"] = "Onglet B" });
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Quelqu'un d'autre a modifié ce retour d'expérience", html);
        Assert.Contains("Onglet B", html);
        var item = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().Items.SingleAsync(i => i.Id == id));
        Assert.Equal("Onglet A", factory.Service<PracticeType>().Read(item).Context);

        var tampered = await PostAsync(client, Editor(id), second, new Dictionary<string, string> { ["Common.Version"] = "abc" });
        Assert.Contains("Le formulaire est incomplet", WebUtility.HtmlDecode(await tampered.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Others_may_not_open_the_editor_and_another_region_s_item_is_not_found()
    {
        var client = await ContributorAsync();
        var page = await client.GetDocumentAsync(New);
        var created = await PostAsync(client, New, page, new Dictionary<string, string> { ["Common.Title"] = Unique("À moi") });
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('?')[0].Split('/').Last());

        var (_, other) = await factory.SignedInWithRoleAsync(Region);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Editor(id))).StatusCode);
        var (_, member) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(New)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().GetAsync(New)).StatusCode);
        // The same id in another region is another region's business: this contributor has no role there.
        var aquitaine = await client.GetAsync($"/nouvelle-aquitaine/admin/pratiques/{id}");
        Assert.True(aquitaine.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
    }
}
