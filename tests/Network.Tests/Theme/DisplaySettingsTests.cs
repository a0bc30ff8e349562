using System.Net;
using Network.Tests.Infrastructure;

namespace Network.Tests.Theme;

/// <summary>/affichage: a plain form that stores the display scheme in a cookie and goes back where the visitor was.</summary>
public sealed class DisplaySettingsTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task Choosing_dark_stores_a_cookie_and_returns_to_the_page()
    {
        var client = factory.CreateBrowserClient();
        var page = "/hauts-de-france/affichage?retour=%2Fhauts-de-france%2Fplan-du-site";
        var response = await client.SubmitFormAsync(page, "main form", new Dictionary<string, string> { ["schema"] = "dark" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hauts-de-france/plan-du-site", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Network.Display=", StringComparison.Ordinal));
        Assert.Contains(".Network.Display=dark", cookie);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        // Every tenant renders the choice, without JavaScript.
        var region = await client.GetDocumentAsync("/nouvelle-aquitaine/");
        Assert.Equal("dark", region.DocumentElement.GetAttribute("data-fr-scheme"));
        Assert.Equal("dark", region.DocumentElement.GetAttribute("data-fr-theme"));
        var form = await client.GetDocumentAsync("/affichage");
        Assert.NotNull(form.QuerySelector("input#schema-dark[checked]"));
    }

    [Fact]
    public async Task Default_is_the_system_scheme_without_a_forced_theme()
    {
        var document = await factory.CreateBrowserClient().GetDocumentAsync("/");
        Assert.Equal("system", document.DocumentElement.GetAttribute("data-fr-scheme"));
        Assert.False(document.DocumentElement.HasAttribute("data-fr-theme"));
    }

    [Theory]
    [InlineData("violet")]
    [InlineData("")]
    [InlineData("DARK")]
    public async Task Unknown_scheme_is_refused_with_a_message_and_nothing_stored(string scheme)
    {
        var client = factory.CreateBrowserClient();
        var response = await client.SubmitFormAsync("/affichage", "main form", new Dictionary<string, string> { ["schema"] = scheme });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".Network.Display", StringComparison.Ordinal)));
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Choisissez un des thèmes proposés", document.QuerySelector("#schema-messages")!.TextContent);
        Assert.NotNull(document.QuerySelector("fieldset.fr-fieldset--error[aria-labelledby='schema-legende schema-messages']"));
    }

    [Theory]
    [InlineData("https://exemple.test/")]
    [InlineData("//exemple.test/")]
    [InlineData("/\\exemple.test/")]
    [InlineData("/nouvelle-aquitaine/")]
    [InlineData("javascript:alert(1)")]
    public async Task Return_address_outside_the_tenant_is_ignored(string retour)
    {
        var client = factory.CreateBrowserClient();
        var response = await client.SubmitFormAsync("/hauts-de-france/affichage?retour=" + Uri.EscapeDataString(retour), "main form", new Dictionary<string, string> { ["schema"] = "light" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hauts-de-france/affichage?enregistre=true", response.Headers.Location!.OriginalString);
        var saved = await client.GetDocumentAsync("/hauts-de-france/affichage?enregistre=true");
        Assert.NotNull(saved.QuerySelector(".fr-alert--success"));
    }
}
