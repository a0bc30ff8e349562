using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;
using Network.Tests.Showcases;

namespace Network.Tests.Calls;

/// <summary>The applicant's form through the pages: each step saved and checked, attachments, submission, the list.</summary>
public sealed class ApplicationFormTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";

    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("73282932000075", false)]
    [InlineData("35600000000048", true)] // La Poste's head office: Luhn holds
    [InlineData("35600000000010", true)] // a La Poste establishment: Luhn fails, the digit sum (15) is a multiple of 5
    [InlineData("35600000000011", false)]
    [InlineData("35600000000049", false)]
    [InlineData("7328293200007", false)]
    [InlineData("7328293200007A", false)]
    public void Siret_is_checked_by_its_checksum_with_La_Postes_exception(string siret, bool valid)
        => Assert.Equal(valid, OrganisationNumbers.IsValidSiret(siret));

    [Theory]
    [InlineData("W595012345", true)]
    [InlineData("W59501234", false)]
    [InlineData("595012345W", false)]
    [InlineData("X595012345", false)]
    public void Rna_is_W_and_nine_digits(string rna, bool valid) => Assert.Equal(valid, OrganisationNumbers.IsValidRna(rna));

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_back()
    {
        var call = await factory.CreateOpenCallAsync(Region, "Appel anonyme " + Guid.NewGuid().ToString("N")[..6]);
        var client = factory.CreateBrowserClient();
        var response = await client.GetAsync($"/{Region}/appels/{call.Item.Slug}/candidature");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/compte/connexion?ReturnUrl=", response.Headers.Location!.OriginalString);
        Assert.Contains(Uri.EscapeDataString($"/{Region}/appels/{call.Item.Slug}/candidature"), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_call_not_open_says_so_with_its_dates_and_starts_nothing()
    {
        var upcoming = await factory.CreateCallAsync(Region, "Appel à venir " + Guid.NewGuid().ToString("N")[..6], CallsTestKit.Fields(DateTime.UtcNow.AddDays(3), DateTime.UtcNow.AddDays(30)));
        var closed = await factory.CreateCallAsync(Region, "Appel clos " + Guid.NewGuid().ToString("N")[..6], CallsTestKit.Fields(DateTime.UtcNow.AddDays(-30), DateTime.UtcNow.AddDays(-1)));
        var (userId, client) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Member);
        var page = await client.GetDocumentAsync($"/{Region}/appels/{upcoming.Item.Slug}/candidature");
        Assert.Contains("seront reçues à partir du", page.QuerySelector("#appel-ferme")!.TextContent);
        Assert.Null(page.QuerySelector("#commencer"));
        page = await client.GetDocumentAsync($"/{Region}/appels/{closed.Item.Slug}/candidature");
        Assert.Contains("La date limite est passée", page.QuerySelector("#appel-ferme")!.TextContent);
        var forged = await client.PostAsync($"/{Region}/appels/{closed.Item.Slug}/candidature", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal(0, await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallsDbContext>().Applications.CountAsync(a => a.ApplicantUserId == userId)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Region}/appels/pas-d-appel/candidature")).StatusCode);
    }

    [Fact]
    public async Task Each_step_is_saved_on_the_server_and_found_again_after_signing_in_again()
    {
        var call = await factory.CreateOpenCallAsync(Region, "Appel étapes " + Guid.NewGuid().ToString("N")[..6]);
        var applicant = await factory.PersonAsync(Region, NetworkRoles.Member, "Dominique Porteuse");
        var client = await applicant.ClientAsync(factory);
        var id = await client.StartApplicationAsync(Region, call);
        var page = await client.GetDocumentAsync(CallsTestKit.EditorUrl(Region, id));
        Assert.Equal("Étape 1 sur 7", page.QuerySelector(".fr-stepper__state")!.TextContent.Trim());
        Assert.Contains("Contact", page.QuerySelector(".fr-stepper__details")!.TextContent);

        var form = CallsTestKit.CompleteForm();
        var response = await client.PostStepAsync(Region, id, ApplicationSteps.Structure, CallsTestKit.StepFields(form, ApplicationSteps.Structure));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Half of the contact step, then the session ends (a new browser signs in again).
        await client.PostStepAsync(Region, id, ApplicationSteps.Contact, new Dictionary<string, string> { ["Form.ContactRole"] = "Trésorière" }, go: "stay");

        var again = await factory.SignedInClientAsync(applicant.Email);
        var list = await again.GetDocumentAsync($"/{Region}/compte/candidatures");
        Assert.Contains("Brouillon", list.QuerySelector("#mes-candidatures")!.TextContent);
        page = await again.GetDocumentAsync(CallsTestKit.EditorUrl(Region, id));
        Assert.Equal("Étape 2 sur 7", page.QuerySelector(".fr-stepper__state")!.TextContent.Trim());
        Assert.Equal("Trésorière", page.QuerySelector("#form-contactrole")!.GetAttribute("value"));
        page = await again.GetDocumentAsync(CallsTestKit.EditorUrl(Region, id) + "?etape=1");
        Assert.Equal("73282932000074", page.QuerySelector("#form-siret")!.GetAttribute("value"));
        var stored = await factory.ApplicationAsync(Region, id);
        Assert.Equal("Association Les Amis du Beffroi", stored!.OrganisationName);
        Assert.Equal(ApplicationSteps.Contact, stored.CurrentStep);
    }

    [Fact]
    public async Task Wrong_values_are_saved_but_refused_with_a_message_at_the_top_and_by_the_field()
    {
        var call = await factory.CreateOpenCallAsync(Region, "Appel erreurs " + Guid.NewGuid().ToString("N")[..6]);
        var (_, client) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Member);
        var id = await client.StartApplicationAsync(Region, call);

        var structure = CallsTestKit.StepFields(CallsTestKit.CompleteForm(), ApplicationSteps.Structure);
        structure["Form.Siret"] = "732 829 320 00075";
        var response = await client.PostStepAsync(Region, id, ApplicationSteps.Structure, structure);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("clé de contrôle", page.QuerySelector("#erreurs")!.TextContent);
        Assert.Contains("clé de contrôle", page.QuerySelector("#form-siret-messages")!.TextContent);
        Assert.Equal("73282932000075", ApplicationForm.Read((await factory.ApplicationAsync(Region, id))!.FormJson).Siret);

        structure["Form.Siret"] = "";
        structure["Form.Rna"] = "W12345";
        page = HtmlForms.Parse(await (await client.PostStepAsync(Region, id, ApplicationSteps.Structure, structure)).Content.ReadAsStringAsync());
        Assert.Contains("W suivi de 9 chiffres", page.QuerySelector("#form-rna-messages")!.TextContent);
        structure["Form.Rna"] = "W595012345";
        structure["Form.LegalForm"] = "entreprise";
        page = HtmlForms.Parse(await (await client.PostStepAsync(Region, id, ApplicationSteps.Structure, structure)).Content.ReadAsStringAsync());
        Assert.Contains("pas ouvert à ce type de structure", page.QuerySelector("#form-legalform-messages")!.TextContent);
        structure["Form.LegalForm"] = "association";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostStepAsync(Region, id, ApplicationSteps.Structure, structure)).StatusCode);

        // Budget: above the call's maximum (40 000 €), then above 50 % of the total, then letters.
        var budget = new Dictionary<string, string> { ["Form.TotalBudget"] = "200000", ["Form.AmountRequested"] = "45 000" };
        page = HtmlForms.Parse(await (await client.PostStepAsync(Region, id, ApplicationSteps.Budget, budget)).Content.ReadAsStringAsync());
        Assert.Contains("40 000 €", page.QuerySelector("#form-amountrequested-messages")!.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        budget = new() { ["Form.TotalBudget"] = "50000", ["Form.AmountRequested"] = "30000" };
        page = HtmlForms.Parse(await (await client.PostStepAsync(Region, id, ApplicationSteps.Budget, budget)).Content.ReadAsStringAsync());
        Assert.Contains("50 % du budget total", page.QuerySelector("#form-amountrequested-messages")!.TextContent);
        budget = new() { ["Form.TotalBudget"] = "cinquante mille", ["Form.AmountRequested"] = "20000" };
        page = HtmlForms.Parse(await (await client.PostStepAsync(Region, id, ApplicationSteps.Budget, budget)).Content.ReadAsStringAsync());
        Assert.Contains("en chiffres", page.QuerySelector("#form-totalbudget-messages")!.TextContent);
        Assert.Equal("cinquante mille", page.QuerySelector("#form-totalbudget")!.GetAttribute("value"));

        // The required question, and an answer too long; a forged question key is not stored.
        var answers = new Dictionary<string, string> { ["Form.Answers[accessibilite]"] = "", ["Form.Answers[sobriete]"] = new string('x', 2_001), ["Form.Answers[inventee]"] = "pirate" };
        page = HtmlForms.Parse(await (await client.PostStepAsync(Region, id, ApplicationSteps.Questions, answers)).Content.ReadAsStringAsync());
        Assert.Contains("Répondez à la question", page.QuerySelector("#erreurs")!.TextContent);
        Assert.Contains("ne peut dépasser 2000 caractères", page.QuerySelector("#erreurs")!.TextContent);
        Assert.False(ApplicationForm.Read((await factory.ApplicationAsync(Region, id))!.FormJson).Answers.ContainsKey("inventee"));

        // "Précédent" saves and moves back even with errors.
        response = await client.PostStepAsync(Region, id, ApplicationSteps.Contact, new Dictionary<string, string> { ["Form.ContactEmail"] = "pas-une-adresse" }, go: "previous");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("?etape=1", response.Headers.Location!.OriginalString);
        Assert.Equal("pas-une-adresse", ApplicationForm.Read((await factory.ApplicationAsync(Region, id))!.FormJson).ContactEmail);
    }

    [Fact]
    public async Task Repeatable_rows_are_added_without_javascript()
    {
        var call = await factory.CreateOpenCallAsync(Region, "Appel lignes " + Guid.NewGuid().ToString("N")[..6]);
        var (_, client) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Member);
        var id = await client.StartApplicationAsync(Region, call);
        var document = await client.GetDocumentAsync(CallsTestKit.EditorUrl(Region, id) + "?etape=3");
        var values = HtmlForms.FormValues(document, "#etape-formulaire", new Dictionary<string, string> { ["Form.Partners[0].Name"] = "Médiathèque", ["Form.Partners[1].Name"] = "Musée" });
        var response = await client.PostAsync(CallsTestKit.EditorUrl(Region, id) + "?handler=AddPartner", new FormUrlEncodedContent(values));
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("#form-partners-2--name"));
        Assert.Equal(2, ApplicationForm.Read((await factory.ApplicationAsync(Region, id))!.FormJson).Partners.Count);
    }

    [Fact]
    public async Task Attachments_are_pdf_only_checked_by_their_bytes_private_and_deletable()
    {
        var call = await factory.CreateOpenCallAsync(Region, "Appel pièces " + Guid.NewGuid().ToString("N")[..6]);
        var (_, client) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Member);
        var id = await client.StartApplicationAsync(Region, call);
        var step = await client.GetDocumentAsync(CallsTestKit.EditorUrl(Region, id) + "?etape=6");
        Assert.Contains("10 Mo", step.QuerySelector("label[for=file]")!.TextContent);

        async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name, string type)
        {
            var document = await client.GetDocumentAsync(CallsTestKit.EditorUrl(Region, id) + "?etape=6");
            var content = new MultipartFormDataContent();
            foreach (var (key, value) in HtmlForms.FormValues(document, "#ajout-piece")) content.Add(new StringContent(value), key);
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(file, "file", name);
            return await client.PostAsync(CallsTestKit.EditorUrl(Region, id) + "?handler=Upload", content);
        }

        var refused = await UploadAsync("<html><script>alert(1)</script></html>"u8.ToArray(), "budget.pdf", "application/pdf");
        Assert.Contains("refusé", HtmlForms.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#file-messages")!.TextContent);
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        refused = await UploadAsync(png, "photo.png", "image/png");
        Assert.Contains("seuls les documents PDF", HtmlForms.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#file-messages")!.TextContent);
        var big = new byte[10 * 1024 * 1024 + 10];
        "%PDF-1.4\n"u8.CopyTo(big);
        refused = await UploadAsync(big, "gros.pdf", "application/pdf");
        Assert.Contains("la limite est de 10 Mo", HtmlForms.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#file-messages")!.TextContent);

        var accepted = await UploadAsync(CallsTestKit.SmallPdf(), "Budget prévisionnel.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var attachment = Assert.Single(await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallsDbContext>().Attachments.AsNoTracking().Where(a => a.ApplicationId == id).ToListAsync()));
        Assert.Equal("Budget prévisionnel.pdf", attachment.FileName);
        var stored = Path.Combine(factory.DataPath, "tenants", Region, "calls", attachment.StoredName);
        Assert.True(File.Exists(stored));
        var download = await client.GetAsync($"/{Region}{ApplicationFileEndpoints.PathOf(id, attachment.Id)}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(CallsTestKit.SmallPdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserClient().GetAsync($"/{Region}{ApplicationFileEndpoints.PathOf(id, attachment.Id)}")).StatusCode);
        var (_, stranger) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Member);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/{Region}{ApplicationFileEndpoints.PathOf(id, attachment.Id)}")).StatusCode);

        var page = await client.GetDocumentAsync(CallsTestKit.EditorUrl(Region, id) + "?etape=6");
        var delete = page.QuerySelector("#pieces-jointes form")!;
        var values = HtmlForms.FormValues(page, "#pieces-jointes form");
        var deleted = await client.PostAsync(CallsTestKit.EditorUrl(Region, id) + "?handler=DeleteAttachment", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.NotNull(delete);
        Assert.False(File.Exists(stored));
        Assert.Equal(0, await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallsDbContext>().Attachments.CountAsync(a => a.ApplicationId == id)));
    }

    [Fact]
    public async Task A_complete_application_is_submitted_once_with_a_reference_and_a_receipt_then_locked()
    {
        var call = await factory.CreateCallAsync(Region, "Appel dépôt " + Guid.NewGuid().ToString("N")[..6],
            CallsTestKit.Fields(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10), programme: "Dépôt " + Guid.NewGuid().ToString("N")[..4]));
        var applicant = await factory.PersonAsync(Region, NetworkRoles.Member, "Alix Déposante");
        var client = await applicant.ClientAsync(factory);
        var id = await client.StartApplicationAsync(Region, call);
        await client.FillApplicationAsync(Region, id, CallsTestKit.CompleteForm("Carte sonore des beffrois"));

        // Without the two boxes: refused, nothing changed.
        var refused = await client.PostSubmitAsync(Region, id, await client.SubmitValuesAsync(Region, id, tick: false));
        var page = HtmlForms.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Cochez la case", page.QuerySelector("#erreurs-depot")!.TextContent);
        Assert.NotNull(page.QuerySelector("#information-donnees"));
        Assert.Contains("Direction régionale des affaires culturelles", page.QuerySelector("#information-donnees")!.TextContent);
        Assert.Equal(ApplicationStatus.Draft, (await factory.ApplicationAsync(Region, id))!.Status);

        var values = await client.SubmitValuesAsync(Region, id);
        var submitted = await client.PostSubmitAsync(Region, id, values);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.EndsWith($"/compte/candidatures/{id}/recu", submitted.Headers.Location!.OriginalString);
        var application = (await factory.ApplicationAsync(Region, id))!;
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        var reference = $"{Network.Core.Text.Slugs.FromTitle(call.Fields.Programme).ToUpperInvariant()}-2026-0001";
        Assert.Equal(reference, application.Reference);
        var receipt = await client.GetDocumentAsync($"/{Region}/compte/candidatures/{id}/recu");
        Assert.Contains(reference, receipt.QuerySelector("h1")!.TextContent);
        Assert.Contains("Carte sonore des beffrois", receipt.QuerySelector("#candidature-recapitulatif")!.TextContent);

        var mail = Assert.Single(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == applicant.Email)));
        Assert.Contains(reference, mail.Subject);
        Assert.Contains("Carte sonore des beffrois", mail.TextBody);
        Assert.Contains("20 000 €", mail.TextBody.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        var log = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallsDbContext>().AuditEntries.AsNoTracking().Where(e => e.ApplicationId == id).ToListAsync());
        Assert.Equal(CallAuditActions.Submitted, Assert.Single(log).Action);

        // Replay: the same receipt, nothing new.
        var replay = await client.PostSubmitAsync(Region, id, values);
        Assert.EndsWith($"/compte/candidatures/{id}/recu", replay.Headers.Location!.OriginalString);
        // Editing is refused and changes nothing.
        var edit = await client.PostAsync(CallsTestKit.EditorUrl(Region, id), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = values.First(v => v.Key == "__RequestVerificationToken").Value, ["step"] = "2", ["version"] = application.Version.ToString(), ["go"] = "next", ["Form.ProjectTitle"] = "Titre changé après dépôt" }));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("verrouillee", edit.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(CallsTestKit.EditorUrl(Region, id))).StatusCode);
        var after = (await factory.ApplicationAsync(Region, id))!;
        Assert.Equal("Carte sonore des beffrois", after.ProjectTitle);
        Assert.Equal(application.Version, after.Version);
        Assert.Single(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == applicant.Email)));

        var list = await client.GetDocumentAsync($"/{Region}/compte/candidatures");
        Assert.Contains("Déposée", list.QuerySelector("#mes-candidatures")!.TextContent);
        Assert.Contains(reference, list.QuerySelector("#mes-candidatures")!.TextContent);
    }

    [Fact]
    public async Task Twenty_concurrent_submissions_make_one_submission_one_reference_one_receipt()
    {
        var call = await factory.CreateCallAsync(Region, "Appel concurrence " + Guid.NewGuid().ToString("N")[..6],
            CallsTestKit.Fields(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10), programme: "Course " + Guid.NewGuid().ToString("N")[..4]));
        var applicant = await factory.PersonAsync(Region, NetworkRoles.Member, "Sacha Pressé");
        var client = await applicant.ClientAsync(factory);
        var id = await client.StartApplicationAsync(Region, call);
        await client.FillApplicationAsync(Region, id, CallsTestKit.CompleteForm());
        var values = await client.SubmitValuesAsync(Region, id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostSubmitAsync(Region, id, values)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.EndsWith($"/compte/candidatures/{id}/recu", r.Headers.Location!.OriginalString));
        var application = (await factory.ApplicationAsync(Region, id))!;
        Assert.EndsWith("-2026-0001", application.Reference);
        var round = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallsDbContext>().Rounds.AsNoTracking().FirstAsync(r => r.CallId == call.Id));
        Assert.Equal(1, round.LastReferenceNumber);
        Assert.Single(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == applicant.Email)));
        Assert.Single(await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallsDbContext>().AuditEntries.AsNoTracking().Where(e => e.ApplicationId == id && e.Action == CallAuditActions.Submitted).ToListAsync()));
    }
}
