using System.Net;
using System.Text.Json;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.CommunityDirectory.DirectoryTestKit;

namespace Network.Tests.CommunityDirectory;

/// <summary>Private profiles are nowhere; a member downloads their data and deletes their account.</summary>
public sealed class PrivacyTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task A_private_profile_appears_nowhere_and_a_public_one_in_the_directory()
    {
        var hidden = await factory.PersonAsync(Hdf, "Member", "Personne");
        var shown = await factory.PersonAsync(Hdf, "Member", "Personne");
        var hiddenName = Unique("Zéphyrine Privée");
        var shownName = Unique("Eulalie Publique");
        // Asking to be contacted without a public profile is not kept.
        var privateProfile = await factory.ProfileAsync(Hdf, hidden.User.Id, hiddenName, isPublic: false, open: true, tags: "secretissime");
        Assert.False(privateProfile.OpenToContact);
        var publicProfile = await factory.ProfileAsync(Hdf, shown.User.Id, shownName, isPublic: true);
        var client = factory.CreateClient();

        var list = (await client.GetDocumentAsync($"/{Hdf}/annuaire/membres")).DocumentElement.TextContent;
        Assert.Contains(shownName, list);
        Assert.DoesNotContain(hiddenName, list);
        Assert.DoesNotContain(hiddenName, (await client.GetDocumentAsync($"/{Hdf}/annuaire/membres?competence=secretissime")).DocumentElement.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Hdf}/annuaire/membres/{privateProfile.Key}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{Hdf}/annuaire/membres/{publicProfile.Key}")).StatusCode);
        // Search: nothing found, here or on the hub (the page repeats the query, so the results are read).
        foreach (var path in new[] { $"/{Hdf}/recherche.json?q={Uri.EscapeDataString(hiddenName)}", $"/recherche.json?q={Uri.EscapeDataString(hiddenName)}" })
        {
            using var found = JsonDocument.Parse(await client.GetStringAsync(path));
            Assert.Equal(0, found.RootElement.GetProperty("total").GetInt32());
        }
        foreach (var path in new[] { $"/{Hdf}/plan-du-site", "/annuaire/membres", $"/{Hdf}/annuaire" })
        {
            var response = await client.GetAsync(path);
            Assert.DoesNotContain(hiddenName, await response.Content.ReadAsStringAsync());
        }
        // Its owner still sees and edits it.
        var own = await (await hidden.ClientAsync(factory)).GetDocumentAsync($"/{Hdf}/compte/profil");
        Assert.Equal(hiddenName, own.QuerySelector("#displayname")!.GetAttribute("value"));
        Assert.Null(own.QuerySelector("#lien-profil-public"));
    }

    [Fact]
    public async Task The_profile_page_saves_and_refuses_bad_input()
    {
        var member = await factory.PersonAsync(Hdf, "Member", "Noé Profil");
        var client = await member.ClientAsync(factory);
        var refused = await client.SubmitFormAsync($"/{Hdf}/compte/profil", "#formulaire-profil", new Dictionary<string, string>
        {
            ["DisplayName"] = " ", ["Bio"] = new string('b', 1_001), ["Tags"] = string.Join(",", Enumerable.Range(1, 12).Select(i => $"tag{i}")),
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = HtmlForms.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#erreurs")!.TextContent;
        Assert.Contains("Indiquez le nom", errors);
        Assert.Contains("1000 caractères", errors);
        Assert.Empty(await factory.DirectoryRowsAsync(Hdf, db => db.Profiles.Where(p => p.UserId == member.User.Id)));

        var saved = await client.SubmitFormAsync($"/{Hdf}/compte/profil", "#formulaire-profil", new Dictionary<string, string>
        {
            ["DisplayName"] = "Noé Profil", ["Role"] = "Médiateur", ["Tags"] = "médiation, 3D", ["IsPublic"] = "true", ["OpenToContact"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profile = Assert.Single(await factory.DirectoryRowsAsync(Hdf, db => db.Profiles.Where(p => p.UserId == member.User.Id)));
        Assert.True(profile.IsPublic && profile.OpenToContact);
        Assert.Equal(["médiation", "3D"], profile.TagList);
    }

    [Fact]
    public async Task A_member_downloads_their_data_then_deletes_their_account_with_the_password()
    {
        var member = await factory.PersonAsync(Hdf, "Member", "Lou Départ");
        var other = await factory.PersonAsync(Hdf, "Member", "Autre Membre");
        var name = Unique("Lou Départ");
        await factory.ProfileAsync(Hdf, member.User.Id, name, isPublic: true);
        var otherProfile = await factory.ProfileAsync(Hdf, other.User.Id, "Autre", isPublic: true);
        var organisation = await factory.OrganisationAsync(Hdf, Unique("Organisation quittée"));
        var client = await member.ClientAsync(factory);
        await client.SubmitFormAsync($"/{Hdf}/annuaire/{organisation.Slug}", "#demande-adhesion", new Dictionary<string, string> { ["Note"] = "Chargée de projet" });
        await client.SubmitFormAsync($"/{Hdf}/annuaire/membres/{otherProfile.Key}/contact", "#formulaire-contact",
            new Dictionary<string, string> { ["Subject"] = "Bonjour", ["Body"] = "Un message envoyé avant de partir." });

        var export = await client.GetAsync($"/{Hdf}/compte/donnees?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        Assert.Equal(member.Email, json.RootElement.GetProperty("compte").GetProperty("courriel").GetString());
        var site = json.RootElement.GetProperty("annuaire").EnumerateArray().Single(s => s.GetProperty("site").GetString() == Hdf);
        Assert.Equal(name, site.GetProperty("profil").GetProperty("nom").GetString());
        Assert.Equal("Chargée de projet", site.GetProperty("adhesions")[0].GetProperty("message").GetString());
        Assert.Equal("Un message envoyé avant de partir.", site.GetProperty("messagesEnvoyes")[0].GetProperty("texte").GetString());
        // Nobody else's data is exported, and an anonymous visitor gets nothing.
        Assert.DoesNotContain(other.Email, json.RootElement.GetRawText());
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().GetAsync($"/{Hdf}/compte/donnees?handler=Export")).StatusCode);

        // Wrong password or no confirmation: nothing is deleted.
        foreach (var (password, confirm, expected) in new[] { ("mauvais-mot-de-passe", "true", "incorrect"), (AccountTestKit.Password, "false", "Cochez la case") })
        {
            var refused = await client.SubmitFormAsync($"/{Hdf}/compte/donnees", "#supprimer-compte", new Dictionary<string, string> { ["Input.Password"] = password, ["Input.Confirm"] = confirm });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(expected, HtmlForms.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#erreurs")!.TextContent);
            Assert.NotNull(await factory.FindAccountAsync(member.Email));
        }

        var deleted = await client.SubmitFormAsync($"/{Hdf}/compte/donnees", "#supprimer-compte", new Dictionary<string, string> { ["Input.Password"] = AccountTestKit.Password, ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await factory.FindAccountAsync(member.Email));
        Assert.Empty(await factory.DirectoryRowsAsync(Hdf, db => db.Profiles.Where(p => p.UserId == member.User.Id)));
        Assert.Empty(await factory.DirectoryRowsAsync(Hdf, db => db.Memberships.Where(m => m.UserId == member.User.Id)));
        Assert.Empty(await factory.DirectoryRowsAsync(Hdf, db => db.ContactMessages.Where(m => m.FromUserId == member.User.Id)));
        // Signed out: the account pages ask to sign in again.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/{Hdf}/compte")).StatusCode);
    }
}
