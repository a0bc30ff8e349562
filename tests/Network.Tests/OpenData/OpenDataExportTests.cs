using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.OpenData;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.OpenData;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Events.OpenData;
using Network.Modules.Practices.Data;
using Network.Modules.Practices.OpenData;
using Network.Modules.Practices.Services;
using Network.Modules.Showcases.Data;
using Network.Modules.Showcases.OpenData;
using Network.Tests.Calls;
using Network.Tests.Content;
using Network.Tests.Events;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;

namespace Network.Tests.OpenData;

/// <summary>
/// The datasets of /donnees: each file's columns and encoding, CSV that CsvHelper reads back, JSON that parses, the hub
/// gathering the regions' shared items with their region, 404s, and no personal data in any file of any tenant.
/// </summary>
public sealed class OpenDataExportTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = ShowcaseTestKit.Hdf;
    private const string Na = ShowcaseTestKit.Na;

    public static readonly OpenDataset[] Datasets =
        [ShowcasesOpenData.Definition, PracticesOpenData.Definition, EventsOpenData.Definition, CallsOpenData.Definition, SubventionsDataset.Definition];

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Reads a CSV file with CsvHelper, strictly: RFC 4180, a header, every row as long as the header.</summary>
    public static List<string[]> ReadCsv(string text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, DetectColumnCountChanges = true, BadDataFound = args => throw new InvalidDataException(args.RawRecord) };
        using var reader = new CsvReader(new StringReader(text), configuration);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(reader.Parser.Record!);
        return rows;
    }

    private static Task<Network.Modules.Content.Data.ContentItem> PublishPracticeAsync(NetworkWebFactory factory, string tenant, string title, PracticeFields fields, bool shared = true)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var created = await store.CreateAsync(sp.GetRequiredService<PracticeType>(), new ContentEdit(title, null, "Ce que nous avons appris.", shared, fields), ContentActor.System);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
            var published = await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentActor.System);
            Assert.True(published.Succeeded);
            return published.Item!;
        });

    private static ShowcaseFields Showcase(string lead = "Musée de la Chartreuse") => new()
    {
        Description = "Numérisation en 3D des collections.",
        LeadOrganisation = lead,
        Department = "59",
        Commune = "Douai",
        Domains = ["musees"],
        Technologies = ["numerisation-3d"],
        Programme = "ADNI",
        Call = "Appel à projets ADNI 2025",
        Year = 2025,
        AmountGranted = 25_000m,
        TotalBudget = 60_000m,
        StartDate = new DateOnly(2025, 3, 1),
    };

    [Fact]
    public async Task Every_file_has_the_columns_of_its_dataset_in_utf8_csv_and_json()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        await factory.PublishAsync(Hdf, Unique("Projet aux colonnes"), Showcase());
        await PublishPracticeAsync(factory, Hdf, Unique("Pratique aux colonnes"), new PracticeFields { Organisation = "Archives du Nord", Context = "Contexte.", Domains = ["archives"] });
        await factory.CreateEventAsync(Hdf, Unique("Événement aux colonnes"), EventsTestKit.Fields(DateTime.UtcNow.Date.AddDays(20).AddHours(8)));
        var client = factory.CreateClient();
        foreach (var dataset in Datasets)
        {
            var csv = await client.GetAsync($"/{Hdf}/donnees/{dataset.Id}.csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            Assert.Equal("utf-8", csv.Content.Headers.ContentType.CharSet);
            Assert.Equal("public, max-age=300", csv.Headers.CacheControl!.ToString());
            var bytes = await csv.Content.ReadAsByteArrayAsync();
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "No byte order mark.");
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            Assert.EndsWith("\r\n", text);
            var rows = ReadCsv(text);
            Assert.Equal(dataset.ColumnNames, rows[0]);
            Assert.All(rows, r => Assert.Equal(dataset.Columns.Count, r.Length));
            if (dataset.Id != "subventions") Assert.True(rows.Count > 1, $"{dataset.Id} has rows");

            var json = await client.GetAsync($"/{Hdf}/donnees/{dataset.Id}.json");
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
            Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
            using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
            Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
            Assert.Equal(rows.Count - 1, document.RootElement.GetArrayLength());
            foreach (var entry in document.RootElement.EnumerateArray())
                Assert.Equal(dataset.ColumnNames, entry.EnumerateObject().Select(p => p.Name));

            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/{Hdf}/donnees/{dataset.Id}.csv"));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }
    }

    [Fact]
    public async Task A_showcase_row_reads_back_through_csvhelper_with_accents_commas_quotes_and_typed_json()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        var title = Unique("Musée « Matisse », l'atelier \"3D\" à Cateau-Cambrésis");
        var fields = Showcase("Ville de Lille, direction des musées");
        fields.Partners = [new ShowcasePartner("Université de Lille; laboratoire \"CRIStAL\"", "Recherche"), new ShowcasePartner("Œuvre à l'été", "Médiation")];
        fields.Audiences = ["grand public", "scolaires"];
        var item = await factory.PublishAsync(Hdf, title, fields, summary: "Première ligne, avec virgule.\nDeuxième ligne « citée ».");
        var client = factory.CreateClient();

        var rows = ReadCsv(await client.GetStringAsync($"/{Hdf}/donnees/projets.csv"));
        var header = rows[0].ToList();
        var row = rows.Single(r => r[0] == $"{Hdf}-{item.Id}");
        string Cell(string name) => row[header.IndexOf(name)];
        Assert.Equal(title, Cell("titre"));
        Assert.Equal(item.Summary, Cell("resume"));
        Assert.Contains('\n', Cell("resume"));
        Assert.Equal("Ville de Lille, direction des musées", Cell("structure_porteuse"));
        Assert.Equal("Université de Lille; laboratoire \"CRIStAL\";Œuvre à l'été", Cell("partenaires"));
        Assert.Equal("Musées", Cell("domaines"));
        Assert.Equal("Numérisation 3D", Cell("technologies"));
        Assert.Equal("25000.00", Cell("montant_accorde"));
        Assert.Equal("2025-03-01", Cell("date_debut"));
        Assert.Equal("", Cell("date_fin"));
        Assert.Equal("2025", Cell("annee"));
        Assert.Equal("Hauts-de-France", Cell("region"));
        Assert.Matches($"^http://localhost/{Hdf}/projets/{item.Slug}$", Cell("url"));

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/{Hdf}/donnees/projets.json"));
        var entry = json.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == $"{Hdf}-{item.Id}");
        Assert.Equal(title, entry.GetProperty("titre").GetString());
        Assert.Equal(25000m, entry.GetProperty("montant_accorde").GetDecimal());
        Assert.Equal(2025, entry.GetProperty("annee").GetInt32());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("date_fin").ValueKind);
        Assert.Equal(["grand public", "scolaires"], entry.GetProperty("publics").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_writer_round_trips_any_text_through_csvhelper()
    {
        var dataset = new OpenDataset("essai", "Essai", "Essai.", "Content",
            [new("texte", "Texte."), new("liste", "Liste.", OpenDataType.List), new("montant", "Montant.", OpenDataType.Amount), new("oui", "Booléen.", OpenDataType.Boolean)], []);
        string[] texts = ["é à ç œ ü — « »", "a,b,c", "dit \"oui\"", "ligne\r\nsuivante", "ligne\nseule", " espaces ", "", "😀 emoji", "\"", ","];
        static async IAsyncEnumerable<object?[]> Rows(string[] texts)
        {
            foreach (var text in texts) yield return [text, new List<string> { text, "b" }, 12.5m, true];
            await Task.CompletedTask;
        }
        using var stream = new MemoryStream();
        await OpenDataWriter.WriteCsvAsync(stream, dataset, Rows(texts), CancellationToken.None);
        var rows = ReadCsv(Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(["texte", "liste", "montant", "oui"], rows[0]);
        Assert.Equal(texts, rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), r => Assert.Equal("12.50", r[2]));
        Assert.All(rows.Skip(1), r => Assert.Equal("oui", r[3]));

        using var jsonStream = new MemoryStream();
        await OpenDataWriter.WriteJsonAsync(jsonStream, dataset, Rows(texts), CancellationToken.None);
        using var json = JsonDocument.Parse(jsonStream.ToArray());
        Assert.Equal(texts.Select(t => t.Length == 0 ? null : t), json.RootElement.EnumerateArray().Select(e => e.GetProperty("texte").GetString()));
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.True(e.GetProperty("oui").GetBoolean()));
    }

    [Fact]
    public async Task Files_carry_a_validator_answer_304_while_unchanged_and_change_when_an_item_is_published_or_archived()
    {
        await factory.EnsureVocabulariesAsync(Na);
        await factory.PublishAsync(Na, Unique("Projet déjà là"), Showcase());
        var client = factory.CreateClient();
        async Task<(string ETag, DateTimeOffset? Modified)> ValidatorsAsync(string path)
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.ETag is { IsWeak: true }, $"{path} has no weak ETag.");
            return (response.Headers.ETag!.ToString(), response.Content.Headers.LastModified);
        }
        async Task<HttpStatusCode> ConditionalAsync(string path, string header, string value)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation(header, value);
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.NotModified) Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            return response.StatusCode;
        }

        var csv = $"/{Na}/donnees/projets.csv";
        var (etag, modified) = await ValidatorsAsync(csv);
        Assert.NotNull(modified);
        Assert.Equal(etag, (await ValidatorsAsync(csv)).ETag);
        Assert.NotEqual(etag, (await ValidatorsAsync($"/{Na}/donnees/projets.json")).ETag);
        Assert.Equal(HttpStatusCode.NotModified, await ConditionalAsync(csv, "If-None-Match", etag));
        Assert.Equal(HttpStatusCode.NotModified, await ConditionalAsync(csv, "If-None-Match", etag.Replace("W/", "", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.NotModified, await ConditionalAsync(csv, "If-Modified-Since", modified!.Value.ToString("R", CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, await ConditionalAsync(csv, "If-None-Match", "W/\"autre\""));
        Assert.Equal(HttpStatusCode.OK, await ConditionalAsync(csv, "If-Modified-Since", modified.Value.AddDays(-1).ToString("R", CultureInfo.InvariantCulture)));
        // HEAD announces the same validator, and the other region's file has its own.
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, csv))) Assert.Equal(etag, head.Headers.ETag?.ToString());

        var added = await factory.PublishAsync(Na, Unique("Projet nouveau"), Showcase());
        var afterPublish = (await ValidatorsAsync(csv)).ETag;
        Assert.NotEqual(etag, afterPublish);
        Assert.Equal(HttpStatusCode.OK, await ConditionalAsync(csv, "If-None-Match", etag));

        await factory.InTenantAsync(Na, async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var current = await store.FindAsync(added.Id);
            var archived = await store.PerformAsync(added.Id, current!.Version, ContentAction.Archive, ContentActor.System);
            Assert.True(archived.Succeeded);
            return archived;
        });
        var afterArchive = (await ValidatorsAsync(csv)).ETag;
        Assert.NotEqual(afterPublish, afterArchive);
        Assert.DoesNotContain($"{Na}-{added.Id}", ReadCsv(await client.GetStringAsync(csv)).Select(r => r[0]));
    }

    [Fact]
    public async Task The_events_file_changes_validator_and_date_when_an_event_is_cancelled()
    {
        var ev = await factory.CreateEventAsync(Na, Unique("Journée bientôt annulée"), EventsTestKit.Fields(DateTime.UtcNow.Date.AddDays(25).AddHours(8)));
        var client = factory.CreateClient();
        var csv = $"/{Na}/donnees/evenements.csv";
        using var before = await client.GetAsync(csv);
        var etag = before.Headers.ETag!.ToString();

        var cancelled = await factory.InTenantAsync(Na, sp => sp.GetRequiredService<Network.Modules.Events.Services.EventCoordinatorDesk>()
            .CancelAsync(ev.Id, "La salle n'est plus disponible.", new Network.Modules.Events.Services.EventActor("", "Coordination")));
        Assert.True(cancelled.Succeeded);

        // The item did not change, its status did: a client holding the former file must get the new one.
        using var request = new HttpRequestMessage(HttpMethod.Get, csv);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var after = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag!.ToString());
        Assert.True(after.Content.Headers.LastModified >= before.Content.Headers.LastModified);
        var rows = ReadCsv(await after.Content.ReadAsStringAsync());
        var statut = Array.IndexOf(rows[0], "statut");
        Assert.Equal("annulé", rows.Single(r => r[0] == $"{Na}-{ev.Id}")[statut]);
    }

    [Fact]
    public async Task The_hub_gathers_the_regions_shared_published_items_with_their_region_and_nothing_else()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        await factory.EnsureVocabulariesAsync(Na);
        var shared = await factory.PublishAsync(Hdf, Unique("Projet partagé"), Showcase());
        var own = await factory.PublishAsync(Hdf, Unique("Projet régional"), Showcase(), shared: false);
        var draft = await factory.PublishAsync(Hdf, Unique("Projet brouillon"), Showcase(), publish: false);
        var other = await factory.PublishAsync(Na, Unique("Projet aquitain"), Showcase());
        var practice = await PublishPracticeAsync(factory, Na, Unique("Pratique aquitaine"), new PracticeFields { Organisation = "Musée d'Aquitaine", Context = "Contexte." });
        await factory.DrainAsync(Hdf);
        await factory.DrainAsync(Na);
        var client = factory.CreateClient();

        var region = ReadCsv(await client.GetStringAsync($"/{Hdf}/donnees/projets.csv")).Select(r => r[0]).ToList();
        Assert.Contains($"{Hdf}-{shared.Id}", region);
        Assert.Contains($"{Hdf}-{own.Id}", region);
        Assert.DoesNotContain($"{Hdf}-{draft.Id}", region);
        Assert.DoesNotContain($"{Na}-{other.Id}", region);

        using var hub = JsonDocument.Parse(await client.GetStringAsync("/donnees/projets.json"));
        var ids = hub.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal("Hauts-de-France", ids[$"{Hdf}-{shared.Id}"].GetProperty("region").GetString());
        Assert.Equal($"http://localhost/{Hdf}/projets/{shared.Slug}", ids[$"{Hdf}-{shared.Id}"].GetProperty("url").GetString());
        Assert.Equal("Nouvelle-Aquitaine", ids[$"{Na}-{other.Id}"].GetProperty("region").GetString());
        Assert.False(ids.ContainsKey($"{Hdf}-{own.Id}"));
        Assert.False(ids.ContainsKey($"{Hdf}-{draft.Id}"));

        using var practices = JsonDocument.Parse(await client.GetStringAsync("/donnees/pratiques.json"));
        Assert.Contains(practices.RootElement.EnumerateArray(), e => e.GetProperty("id").GetString() == $"{Na}-{practice.Id}" && e.GetProperty("region").GetString() == "Nouvelle-Aquitaine");
        using var calls = JsonDocument.Parse(await client.GetStringAsync("/donnees/appels.json"));
        Assert.All(calls.RootElement.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("region").GetString())));
    }

    [Fact]
    public async Task Unknown_datasets_and_those_of_a_disabled_module_answer_404()
    {
        var client = factory.CreateClient();
        foreach (var path in new[] { "/donnees/inconnu", "/donnees/inconnu.csv", "/donnees/projets.xml", "/donnees/projets.csv.json", $"/{Hdf}/donnees/..%2Fprojets", $"/{Hdf}/donnees/PROJETS" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{Na}/donnees/projets")).StatusCode);

        var manager = factory.Service<TenantManager>();
        await manager.DisableFeatureAsync(Na, "Practices");
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Na}/donnees/pratiques.csv")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Na}/donnees/pratiques.json")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Na}/donnees/pratiques")).StatusCode);
            var page = await client.GetDocumentAsync($"/{Na}/donnees");
            Assert.Null(page.QuerySelector("#donnees-pratiques"));
            Assert.NotNull(page.QuerySelector("#donnees-projets"));
            using var catalog = JsonDocument.Parse(await client.GetStringAsync($"/{Na}/donnees/catalogue.jsonld"));
            Assert.DoesNotContain(catalog.RootElement.GetProperty("dcat:dataset").EnumerateArray(), d => d.GetProperty("@id").GetString()!.EndsWith("/donnees/pratiques", StringComparison.Ordinal));
            // Another region keeps its file.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{Hdf}/donnees/pratiques.csv")).StatusCode);
        }
        finally
        {
            await manager.EnableFeatureAsync(Na, "Practices");
        }
    }

    [Fact]
    public async Task No_file_of_any_tenant_holds_personal_data_of_applicants_registrants_reviewers_or_accounts()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        var secrets = new List<string>();
        // A showcase whose contact is public on its page, a practice signed by a person, an event with a contact address.
        var fields = Showcase();
        fields.ContactName = "Gaspard Confidentiel";
        fields.ContactEmail = "gaspard.confidentiel@prive.example.org";
        fields.ShowContact = true;
        secrets.AddRange([fields.ContactName, fields.ContactEmail]);
        await factory.PublishAsync(Hdf, Unique("Projet au contact public"), fields);
        var practiceAuthor = await factory.PersonAsync(Hdf, NetworkRoles.Contributor, "Hortense Autrice");
        secrets.AddRange(["Hortense Secrète", practiceAuthor.User.Email!, practiceAuthor.User.DisplayName]);
        await PublishPracticeAsync(factory, Hdf, Unique("Pratique signée"), new PracticeFields { AuthorName = "Hortense Secrète", Organisation = "Bibliothèque de Roubaix", Context = "Contexte." });
        var eventFields = EventsTestKit.Fields(DateTime.UtcNow.Date.AddDays(15).AddHours(8));
        eventFields.ContactEmail = "organisatrice.privee@prive.example.org";
        eventFields.Sessions = [eventFields.Sessions[0] with { Speakers = "Ulysse Intervenant" }, .. eventFields.Sessions.Skip(1)];
        secrets.AddRange([eventFields.ContactEmail, "Ulysse Intervenant"]);
        var ev = await factory.CreateEventAsync(Hdf, Unique("Journée aux inscrits"), eventFields);
        var registrant = await factory.PersonAsync(Hdf, NetworkRoles.Member, "Ignace Inscrit");
        await factory.AddRegistrationAsync(Hdf, ev.Item.Id, "Ignace Inscrit", "ignace.inscrit@prive.example.org", organisation: "Compagnie Ignace", userId: registrant.User.Id,
            answers: new Dictionary<string, string> { ["regime"] = "Végétarien strict Ignace" });
        secrets.AddRange(["ignace.inscrit@prive.example.org", "Compagnie Ignace", "Végétarien strict Ignace", registrant.User.Email!]);

        // A call with an accepted application (published results: an SCDL row) and a refused one, and a reviewer.
        var call = await factory.CreateClosedCallAsync(Hdf, Unique("Appel aux candidatures privées"));
        var applicant = await factory.PersonAsync(Hdf, NetworkRoles.Member, "Justine Candidate");
        var form = CallsTestKit.CompleteForm("Projet retenu public", 15_000m, 40_000m);
        form.ContactName = "Justine Candidate";
        form.ContactEmail = "justine.candidate@prive.example.org";
        form.ContactPhone = "06 12 34 56 78";
        form.Description = "Contenu confidentiel de la candidature retenue.";
        form.Summary = "Résumé confidentiel de la candidature.";
        form.Timeline = "Calendrier confidentiel.";
        form.Answers = new() { ["accessibilite"] = "Réponse confidentielle au jury." };
        var accepted = await factory.AddSubmittedApplicationAsync(Hdf, call, applicant, form);
        var refusedForm = CallsTestKit.CompleteForm("Projet refusé confidentiel");
        refusedForm.OrganisationName = "Association Refusée Confidentielle";
        var refused = await factory.AddSubmittedApplicationAsync(Hdf, call, await factory.PersonAsync(Hdf, NetworkRoles.Member, "Octave Refusé"), refusedForm);
        var reviewer = await factory.PersonAsync(Hdf, NetworkRoles.Reviewer, "Léon Évaluateur");
        await factory.AssignReviewerAsync(Hdf, call, accepted, reviewer);
        await factory.DecideAsync(Hdf, call, accepted, ApplicationDecision.Accepted, 15_000m);
        await factory.DecideAsync(Hdf, call, refused, ApplicationDecision.Rejected);
        Assert.True((await factory.PublishResultsAsync(Hdf, call)).Succeeded);
        secrets.AddRange([form.ContactName, form.ContactEmail, form.ContactPhone, form.Description, form.Summary, form.Timeline, "Réponse confidentielle au jury.",
            "Projet refusé confidentiel", refusedForm.OrganisationName, "Octave Refusé", "Léon Évaluateur", applicant.User.Email!, reviewer.User.Email!,
            "Hortense Autrice", "Justine Candidate"]);
        await factory.DrainAsync(Hdf);

        var client = factory.CreateClient();
        // The accepted project is public open data (SCDL); the proof the check reads real files.
        Assert.Contains("Projet retenu public", await client.GetStringAsync($"/{Hdf}/donnees/subventions.csv"));
        foreach (var tenant in new[] { Hdf, "" })
            foreach (var dataset in Datasets)
                foreach (var format in OpenDataset.Formats)
                {
                    var path = $"{(tenant.Length > 0 ? "/" + tenant : "")}{dataset.PathOf(format)}";
                    var body = await client.GetStringAsync(path);
                    foreach (var secret in secrets.Where(s => s.Length > 0))
                        Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{path} holds « {secret} »");
                    // JSON escapes nothing of these (accents are written as they are), but check the escaped form too.
                    foreach (var secret in secrets.Where(s => s.Length > 0))
                        Assert.DoesNotContain(JsonSerializer.Serialize(secret).Trim('"'), body);
                }
    }
}
