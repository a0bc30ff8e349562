using System.Net;
using AngleSharp.Html.Dom;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Tests.Infrastructure;
using static Network.Tests.Accounts.AccountTestKit;

namespace Network.Tests.Tenancy;

/// <summary>The hub's admin of sites, driven through its forms by the network administrator signed in on /compte/connexion.</summary>
public sealed class SitesAdminTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private Task<HttpClient> AdministratorAsync() => factory.SignedInClientAsync(NetworkWebFactory.AdminEmail, NetworkWebFactory.AdminPassword);

    private static Dictionary<string, string> CreateFields(string name, string displayName, string prefix = "", string hosts = "", string recipe = "region") => new()
    {
        ["Input.Name"] = name,
        ["Input.DisplayName"] = displayName,
        ["Input.Prefix"] = prefix,
        ["Input.Hosts"] = hosts,
        ["Input.Recipe"] = recipe,
    };

    /// <summary>The error messages shown under a field, which must be tied to it by aria-describedby.</summary>
    private static List<string> FieldErrors(IHtmlDocument document, string id)
    {
        var control = document.GetElementById(id) ?? throw new InvalidOperationException($"no field #{id}");
        Assert.Equal($"{id}-messages", control.GetAttribute("aria-describedby"));
        var errors = document.QuerySelectorAll($"#{id}-messages .fr-message--error").Select(e => e.TextContent.Trim()).ToList();
        if (errors.Count > 0) Assert.Equal("true", control.GetAttribute("aria-invalid"));
        return errors;
    }

    [Fact]
    public async Task The_list_shows_every_site_with_its_address_state_and_modules()
    {
        var admin = await AdministratorAsync();
        var document = await admin.GetDocumentAsync("/admin/sites");
        Assert.Equal("Sites régionaux", document.QuerySelector("main h1")!.TextContent.Trim());
        var row = document.GetElementById("site-hauts-de-france")!;
        var cells = row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Hauts-de-France", row.QuerySelector("th")!.FirstChild!.TextContent.Trim());
        Assert.Equal("hauts-de-france", row.QuerySelector("th code")!.TextContent);
        Assert.Equal("/hauts-de-france/", cells[1]);
        Assert.Equal("aucun", document.QuerySelectorAll("#site-network td")[1].TextContent.Trim());
        Assert.Equal("Actif", cells[3]);
        // The number of modules enabled there (the region recipe's, with what they need).
        Assert.Equal(factory.Tenant("hauts-de-france").Features.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[4]);
        Assert.NotNull(row.QuerySelector("time[datetime]"));
        Assert.NotNull(document.GetElementById("site-network"));
        Assert.NotNull(document.GetElementById("site-nouvelle-aquitaine"));
        // The hub cannot be disabled, so it offers no such link.
        Assert.Null(document.QuerySelector("#site-network a[href$='/etat']"));
        Assert.NotNull(row.QuerySelector("a[href='/admin/sites/hauts-de-france/etat']"));
    }

    [Fact]
    public async Task The_administrator_creates_a_region_through_the_form()
    {
        var admin = await AdministratorAsync();
        var form = await admin.GetDocumentAsync("/admin/sites/nouveau");
        var recipes = form.QuerySelectorAll("#input-recipe option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["network", "region"], recipes);
        Assert.Equal("region", form.QuerySelector("#input-recipe option[selected]")!.GetAttribute("value"));
        foreach (var id in new[] { "input-name", "input-displayname", "input-prefix", "input-hosts", "input-recipe" })
            Assert.NotNull(form.QuerySelector($"label[for={id}]"));

        var response = await admin.SubmitFormAsync("/admin/sites/nouveau", "#create-site-form",
            CreateFields("bretagne", "Bretagne", hosts: "culture.bretagne.test\r\n\r\n  Numerique.Bretagne.TEST \r\n"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sites?cree=bretagne", response.Headers.Location!.OriginalString);

        var list = await admin.GetDocumentAsync("/admin/sites?cree=bretagne");
        Assert.Contains("Le site « Bretagne » a été créé ; il répond à l'adresse /bretagne/.", list.GetElementById("sites-status")!.TextContent);
        var tenant = factory.Tenant("bretagne");
        Assert.Equal(TenantState.Running, tenant.State);
        Assert.Equal(["culture.bretagne.test", "numerique.bretagne.test"], tenant.Hosts.Order());
        var visitor = factory.CreateBrowserClient();
        Assert.Contains("Culture et numérique en Bretagne", await visitor.GetStringAsync("/bretagne/"));
        Assert.Contains("Culture et numérique en Bretagne", await factory.CreateBrowserClient("numerique.bretagne.test").GetStringAsync("/"));
    }

    [Fact]
    public async Task Bad_input_in_the_creation_form_is_shown_under_each_field_and_nothing_is_written()
    {
        var admin = await AdministratorAsync();
        var before = await factory.RegistryCountAsync();
        var response = await admin.SubmitFormAsync("/admin/sites/nouveau", "#create-site-form",
            CreateFields("Bretagne Sud", "", prefix: "admin", hosts: "https://sud.test/\nculture.bretagne-sud.test"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.BodyAsync());
        Assert.Equal("Le site n'a pas été créé", document.QuerySelector("#form-errors .fr-alert__title")!.TextContent.Trim());
        Assert.Contains("identifiant en minuscules", Assert.Single(FieldErrors(document, "input-name")));
        Assert.Contains("réservé", Assert.Single(FieldErrors(document, "input-prefix")));
        Assert.Contains("entre 1 et 120 caractères", Assert.Single(FieldErrors(document, "input-displayname")));
        Assert.Contains("https://sud.test/", Assert.Single(FieldErrors(document, "input-hosts")));
        Assert.Empty(FieldErrors(document, "input-recipe"));
        Assert.Contains("fr-input-group--error", document.GetElementById("input-name")!.ParentElement!.ClassName);
        // What was typed is kept.
        Assert.Equal("Bretagne Sud", document.GetElementById("input-name")!.GetAttribute("value"));
        Assert.Contains("culture.bretagne-sud.test", document.GetElementById("input-hosts")!.TextContent);
        Assert.Equal(before, await factory.RegistryCountAsync());
        Assert.False(Directory.Exists(factory.TenantFolder("bretagne-sud")));
    }

    [Theory]
    [InlineData("../appsettings")]
    [InlineData("")]
    [InlineData("inexistante")]
    public async Task A_forged_recipe_is_refused(string recipe)
    {
        var admin = await AdministratorAsync();
        var response = await admin.SubmitFormAsync("/admin/sites/nouveau", "#create-site-form", CreateFields("corse", "Corse", recipe: recipe));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.BodyAsync());
        Assert.Equal("Choisissez une des recettes proposées.", Assert.Single(FieldErrors(document, "input-recipe")));
        await factory.AssertNoTraceAsync("corse");
    }

    [Fact]
    public async Task A_repeated_or_duplicate_creation_is_refused_under_the_name()
    {
        var admin = await AdministratorAsync();
        var response = await admin.SubmitFormAsync("/admin/sites/nouveau", "#create-site-form", CreateFields("hauts-de-france", "Encore"));
        var document = HtmlForms.Parse(await response.BodyAsync());
        Assert.Equal("Un site nommé « hauts-de-france » existe déjà", Assert.Single(FieldErrors(document, "input-name")));
    }

    [Fact]
    public async Task Two_concurrent_submissions_of_the_same_site_create_it_once()
    {
        var admin = await AdministratorAsync();
        var other = await AdministratorAsync();
        var submissions = await Task.WhenAll(
            admin.SubmitFormAsync("/admin/sites/nouveau", "#create-site-form", CreateFields("normandie", "Normandie")),
            other.SubmitFormAsync("/admin/sites/nouveau", "#create-site-form", CreateFields("normandie", "Normandie")));
        Assert.Single(submissions, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(submissions, r => r.StatusCode == HttpStatusCode.OK);
        var refusal = HtmlForms.Parse(await refused.BodyAsync());
        Assert.Equal("Un site nommé « normandie » existe déjà", Assert.Single(FieldErrors(refusal, "input-name")));
        Assert.Equal(TenantState.Running, (await factory.RegistryRowAsync("normandie"))!.State);
    }

    [Fact]
    public async Task The_administrator_edits_the_settings_and_branding_of_a_site()
    {
        var admin = await AdministratorAsync();
        var response = await admin.SubmitFormAsync("/admin/sites/nouvelle-aquitaine", "#edit-site-form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nouvelle-Aquitaine",
            ["Input.Hosts"] = "numerique.nouvelle-aquitaine.test",
            ["Input.DefaultCulture"] = "fr",
            ["Input.SiteName"] = "Cultures connectées",
            ["Input.Baseline"] = "Le numérique culturel de Poitiers à Pau",
            ["Input.BlocMarque"] = "Préfète\nde la région\nNouvelle-Aquitaine",
            ["Input.OperatorName"] = "Direction régionale des affaires culturelles Nouvelle-Aquitaine",
            ["Input.ContactEmail"] = "numerique.na@reseau.test",
            ["Input.Siret"] = "130 017 930 00012",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sites/nouvelle-aquitaine?enregistre=true", response.Headers.Location!.OriginalString);
        Assert.NotNull((await admin.GetDocumentAsync("/admin/sites/nouvelle-aquitaine?enregistre=true")).GetElementById("site-saved"));

        var tenant = factory.Tenant("nouvelle-aquitaine");
        Assert.Equal("Cultures connectées", tenant.SiteName);
        Assert.Equal(["Préfète", "de la région", "Nouvelle-Aquitaine"], tenant.BlocMarqueLines);
        Assert.Equal("13001793000012", tenant.Siret);
        Assert.Contains("Cultures connectées", await factory.CreateBrowserClient("numerique.nouvelle-aquitaine.test").GetStringAsync("/"));
    }

    [Fact]
    public async Task Bad_settings_are_shown_under_their_fields_and_nothing_is_saved()
    {
        var admin = await AdministratorAsync();
        await factory.Service<TenantManager>().UpdateSettingsAsync("hauts-de-france", t => t.Hosts = [new TenantHostName { HostName = "culture.hdf.test" }]);
        var before = (await factory.RegistryRowAsync("nouvelle-aquitaine"))!;
        var response = await admin.SubmitFormAsync("/admin/sites/nouvelle-aquitaine", "#edit-site-form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = new string('N', 121),
            ["Input.Hosts"] = "culture.hdf.test",
            ["Input.DefaultCulture"] = "de",
            ["Input.SiteName"] = "",
            ["Input.Baseline"] = "",
            ["Input.BlocMarque"] = "1\n2\n3\n4\n5",
            ["Input.OperatorName"] = "DRAC",
            ["Input.ContactEmail"] = "pas-une-adresse",
            ["Input.Siret"] = "13001793000013",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.BodyAsync());
        Assert.NotEmpty(FieldErrors(document, "input-displayname"));
        Assert.Contains("hauts-de-france", Assert.Single(FieldErrors(document, "input-hosts")));
        Assert.NotEmpty(FieldErrors(document, "input-defaultculture"));
        Assert.NotEmpty(FieldErrors(document, "input-sitename"));
        Assert.NotEmpty(FieldErrors(document, "input-blocmarque"));
        Assert.Equal("Adresse électronique invalide", Assert.Single(FieldErrors(document, "input-contactemail")));
        Assert.Contains("SIRET invalide", Assert.Single(FieldErrors(document, "input-siret")));
        Assert.Empty(FieldErrors(document, "input-operatorname"));
        Assert.Equal(before.Version, (await factory.RegistryRowAsync("nouvelle-aquitaine"))!.Version);
    }

    [Fact]
    public async Task A_save_based_on_a_stale_version_is_refused_with_a_clear_message()
    {
        var admin = await AdministratorAsync();
        // The form is opened, then someone else saves the site before it is sent.
        var form = (IHtmlFormElement)(await admin.GetDocumentAsync("/admin/sites/hauts-de-france")).GetElementById("edit-site-form")!;
        await factory.Service<TenantManager>().UpdateSettingsAsync("hauts-de-france", t => t.Baseline = "Changée par quelqu'un d'autre");
        var fields = form.Elements.OfType<IHtmlElement>()
            .Select(e => (Name: e.GetAttribute("name"), Value: e switch { IHtmlTextAreaElement t => t.Value, IHtmlSelectElement s => s.Value, IHtmlInputElement i => i.Value, _ => null }))
            .Where(f => f.Name is not null && f.Value is not null)
            .ToDictionary(f => f.Name!, f => f.Value!);
        fields["Input.Baseline"] = "Ma modification";

        var response = await admin.PostAsync("/admin/sites/hauts-de-france", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.BodyAsync());
        Assert.Contains("modifié entre-temps par quelqu'un d'autre", document.GetElementById("form-errors")!.TextContent);
        Assert.Equal("Changée par quelqu'un d'autre", factory.Tenant("hauts-de-france").Baseline);
        // A form without its version is refused too.
        fields.Remove("Input.Version");
        response = await admin.PostAsync("/admin/sites/hauts-de-france", new FormUrlEncodedContent(fields));
        Assert.Contains("Le formulaire est incomplet", await response.BodyAsync());
        Assert.Equal("Changée par quelqu'un d'autre", factory.Tenant("hauts-de-france").Baseline);
    }

    [Fact]
    public async Task Disabling_and_re_enabling_a_site_through_the_confirmation_page()
    {
        var admin = await AdministratorAsync();
        await factory.Service<TenantManager>().CreateAsync(new TenantCreation("grand-est", "Grand Est", "region"));
        var confirmation = await admin.GetDocumentAsync("/admin/sites/grand-est/etat");
        Assert.Contains("ne répond plus", confirmation.GetElementById("state-confirmation")!.TextContent);

        var response = await admin.SubmitFormAsync("/admin/sites/grand-est/etat", "#state-form", new Dictionary<string, string>());
        Assert.Equal("/admin/sites?desactive=grand-est", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserClient().GetAsync("/grand-est/")).StatusCode);
        var list = await admin.GetDocumentAsync("/admin/sites?desactive=grand-est");
        Assert.Equal("Désactivé", list.QuerySelector("#site-grand-est .fr-badge")!.TextContent.Trim());

        // The same confirmation sent twice does not switch the site back on.
        var token = confirmation.QuerySelector("#state-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await admin.PostAsync("/admin/sites/grand-est/etat", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("target", "Disabled")]));
        Assert.Equal(TenantState.Disabled, factory.Tenant("grand-est").State);

        response = await admin.SubmitFormAsync("/admin/sites/grand-est/etat", "#state-form", new Dictionary<string, string>());
        Assert.Equal("/admin/sites?reactive=grand-est", response.Headers.Location!.OriginalString);
        Assert.Contains("Culture et numérique en Grand Est", await factory.CreateBrowserClient().GetStringAsync("/grand-est/"));
    }

    [Fact]
    public async Task The_hub_offers_no_way_to_disable_itself()
    {
        var admin = await AdministratorAsync();
        var page = await admin.GetDocumentAsync("/admin/sites/network/etat");
        Assert.NotNull(page.GetElementById("state-impossible"));
        Assert.Null(page.GetElementById("state-form"));
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await admin.GetDocumentAsync("/admin/sites/nouveau")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await admin.PostAsync("/admin/sites/network/etat", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("target", "Disabled")]));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("le hub du réseau ne peut pas être désactivé", (await forged.BodyAsync()).ToLowerInvariant());
        Assert.Equal(TenantState.Running, factory.Tenant(TenantRecord.HubName).State);
    }

    [Fact]
    public async Task The_modules_page_lists_modules_and_follows_the_dependency_rules()
    {
        var admin = await AdministratorAsync();
        await factory.Service<TenantManager>().CreateAsync(new TenantCreation("occitanie", "Occitanie", "region"));
        // The content modules need Accounts and Mail too: take them out so the rules below concern these two alone.
        await factory.Service<TenantManager>().DisableContentModulesAsync("occitanie");
        var page = await admin.GetDocumentAsync("/admin/sites/occitanie/fonctionnalites");
        var accounts = page.GetElementById("module-Accounts")!;
        Assert.Equal("Comptes et rôles", accounts.QuerySelector("th")!.TextContent.Trim());
        Assert.Contains("Courriel", accounts.TextContent);
        Assert.Contains("Activé", accounts.TextContent);
        var settings = page.GetElementById("module-Settings")!;
        Assert.Contains("Verrouillé", settings.TextContent);
        Assert.Null(settings.QuerySelector("form"));
        Assert.Contains("Désactivé", page.GetElementById("module-Tenants")!.TextContent);

        // Mail is needed by Accounts: refused, with the manager's message, and nothing changes.
        var refused = await admin.SubmitFormAsync("/admin/sites/occitanie/fonctionnalites", "#form-Mail", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("« Courriel » ne peut pas être désactivé : « Comptes et rôles » en dépend", HtmlForms.Parse(await refused.BodyAsync()).GetElementById("form-errors")!.TextContent);
        Assert.True(factory.Tenant("occitanie").IsEnabled("Mail"));

        // Disabling Accounts takes its pages away at once.
        var response = await admin.SubmitFormAsync("/admin/sites/occitanie/fonctionnalites", "#form-Accounts", new Dictionary<string, string>());
        Assert.Equal("/admin/sites/occitanie/fonctionnalites?desactive=Accounts", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserClient().GetAsync("/occitanie/compte/connexion")).StatusCode);
        await admin.SubmitFormAsync("/admin/sites/occitanie/fonctionnalites", "#form-Mail", new Dictionary<string, string>());
        Assert.False(factory.Tenant("occitanie").IsEnabled("Mail"));

        // Enabling Accounts brings Mail back with it, and says so.
        response = await admin.SubmitFormAsync("/admin/sites/occitanie/fonctionnalites", "#form-Accounts", new Dictionary<string, string>());
        Assert.Equal("/admin/sites/occitanie/fonctionnalites?active=Accounts&avec=Mail", response.Headers.Location!.OriginalString);
        var status = (await admin.GetDocumentAsync(response.Headers.Location!.OriginalString)).GetElementById("features-status")!.TextContent;
        Assert.Contains("Les modules dont il a besoin ont été activés avec lui : « Courriel ».", status);
        Assert.True(factory.Tenant("occitanie").IsEnabled("Mail"));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowserClient().GetAsync("/occitanie/compte/connexion")).StatusCode);
    }

    [Fact]
    public async Task The_hub_page_refuses_to_remove_itself_and_unknown_modules_are_refused()
    {
        var admin = await AdministratorAsync();
        var response = await admin.SubmitFormAsync("/admin/sites/network/fonctionnalites", "#form-Tenants", new Dictionary<string, string>());
        Assert.Contains("ligne de commande", HtmlForms.Parse(await response.BodyAsync()).GetElementById("form-errors")!.TextContent);
        Assert.True(factory.Tenant(TenantRecord.HubName).IsEnabled("Tenants"));
        response = await admin.SubmitFormAsync("/admin/sites/network/fonctionnalites", "#form-Tenants", new Dictionary<string, string> { ["module"] = "Blog" });
        Assert.Contains("Module inconnu", await response.BodyAsync());
    }

    [Theory]
    [InlineData("/admin/sites/atlantide")]
    [InlineData("/admin/sites/atlantide/etat")]
    [InlineData("/admin/sites/atlantide/fonctionnalites")]
    public async Task An_unknown_site_answers_404(string path)
    {
        var admin = await AdministratorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_region_coordinator_cannot_reach_the_sites_admin()
    {
        var email = NewEmail("coordination");
        var account = await factory.CreateAccountAsync(email);
        await factory.GrantAsync(account.Id, "hauts-de-france", NetworkRoles.Coordinator);
        var coordinator = await factory.SignedInClientAsync(email);

        foreach (var path in new[] { "/admin/sites", "/admin/sites/nouveau", "/admin/sites/hauts-de-france", "/admin/sites/hauts-de-france/fonctionnalites" })
            Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/hauts-de-france/admin/sites")).StatusCode);

        // A post is refused as well and creates nothing.
        var token = (await coordinator.GetDocumentAsync("/hauts-de-france/compte/connexion")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var fields = CreateFields("piratage", "Piratage");
        fields["__RequestVerificationToken"] = token;
        var post = await coordinator.PostAsync("/admin/sites/nouveau", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await factory.AssertNoTraceAsync("piratage");
        // And the hub's admin menu offers nothing about sites to them.
        Assert.DoesNotContain("/admin/sites", await (await coordinator.GetAsync("/hauts-de-france/admin/roles")).BodyAsync());
    }

    [Fact]
    public async Task The_sites_admin_speaks_english_when_chosen()
    {
        var admin = await AdministratorAsync();
        await admin.GetAsync("/langue/en?retour=/admin/sites");
        var document = await admin.GetDocumentAsync("/admin/sites");
        Assert.Equal("Regional sites", document.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("Create a site", document.GetElementById("create-site")!.TextContent.Trim());
        var form = await admin.GetDocumentAsync("/admin/sites/nouveau");
        Assert.Contains("Technical name", form.QuerySelector("label[for=input-name]")!.TextContent);
    }
}
