using System.Net;
using System.Text;
using System.Text.Json;
using Network.Core.Text;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Calls;

/// <summary>The /donnees page and the "appels" dataset: columns, formats, CSV that parses back, drafts never in it.</summary>
public sealed class CallsOpenDataTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = "hauts-de-france";

    /// <summary>An RFC 4180 reader, to check the file parses back to what was written.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; i++;
            }
            else cell.Append(c);
        }
        Assert.False(quoted, "Unterminated quoted field.");
        Assert.True(row.Count == 0 && cell.Length == 0, "The file must end with CRLF.");
        return rows;
    }

    [Fact]
    public void Csv_cells_are_quoted_when_needed_and_formulas_are_neutralised()
    {
        Assert.Equal("simple", Csv.Cell("simple"));
        Assert.Equal("\"a,b\"", Csv.Cell("a,b"));
        Assert.Equal("\"dit \"\"oui\"\"\"", Csv.Cell("dit \"oui\""));
        Assert.Equal("\"ligne\nsuivante\"", Csv.Cell("ligne\nsuivante"));
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\"", Csv.Cell("=HYPERLINK(\"x\")"));
        foreach (var formula in new[] { "=1+1", "+33", "-2", "@SUM(A1)", "\tx" }) Assert.StartsWith("'", Csv.Cell(formula).TrimStart('"'));
        Assert.Equal("", Csv.Cell(null));
    }

    [Fact]
    public async Task The_calls_dataset_lists_published_calls_in_csv_and_json_and_never_drafts()
    {
        var now = DateTime.UtcNow;
        var title = "=Appel \"ADNI\", édition " + Guid.NewGuid().ToString("N")[..6];
        var published = await factory.CreateCallAsync(Hdf, title, CallsTestKit.Fields(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 4, 15, 10, 0, 0, DateTimeKind.Utc)));
        var draft = await factory.CreateCallAsync(Hdf, "Appel brouillon " + Guid.NewGuid().ToString("N")[..6], CallsTestKit.Fields(now, now.AddDays(3)), publish: false);
        var client = factory.CreateClient();

        var csvResponse = await client.GetAsync("/hauts-de-france/donnees/appels.csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", csvResponse.Content.Headers.ContentType.CharSet);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "No byte order mark.");
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes));
        Assert.Equal(["id", "titre", "description", "eligibilite", "types_aides", "porteurs", "cibles", "eligibilite_geographique", "date_ouverture", "date_cloture", "date_mise_a_jour",
            "url", "region", "programme", "annee", "enveloppe", "montant_maximum"], rows[0]);
        Assert.All(rows, r => Assert.Equal(17, r.Count));
        var row = rows.Single(r => r[0] == $"{Hdf}-{published.Id}");
        Assert.Equal("'" + title, row[1]);
        Assert.Equal("2026-03-02T09:00+01:00", row[8]);
        Assert.Equal("2026-04-15T12:00+02:00", row[9]);
        Assert.Contains("Association", row[6]);
        Assert.Equal("Région Hauts-de-France", row[7]);
        Assert.Equal($"http://localhost/{Hdf}/appels/{published.Item.Slug}", row[11]);
        Assert.Equal("Hauts-de-France", row[12]);
        Assert.DoesNotContain(rows, r => r[0] == $"{Hdf}-{draft.Id}");

        var jsonResponse = await client.GetAsync("/hauts-de-france/donnees/appels.json");
        Assert.Equal("application/json", jsonResponse.Content.Headers.ContentType!.MediaType);
        var json = JsonDocument.Parse(await jsonResponse.Content.ReadAsStringAsync()).RootElement;
        var entry = json.EnumerateArray().Single(e => e.GetProperty("id").GetString() == $"{Hdf}-{published.Id}");
        Assert.Equal(title, entry.GetProperty("titre").GetString());
        Assert.Equal("2026-04-15T12:00+02:00", entry.GetProperty("date_cloture").GetString());
        Assert.DoesNotContain(json.EnumerateArray(), e => e.GetProperty("id").GetString() == $"{Hdf}-{draft.Id}");

        // The hub: its own calls plus the regions' shared ones, under their region's id.
        await factory.DrainAsync(Hdf);
        var hub = JsonDocument.Parse(await client.GetStringAsync("/donnees/appels.json")).RootElement;
        Assert.Contains(hub.EnumerateArray(), e => e.GetProperty("id").GetString() == $"{Hdf}-{published.Id}");
    }

    [Fact]
    public async Task The_open_data_page_lists_the_datasets_of_the_enabled_modules()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/hauts-de-france/donnees");
        var section = page.QuerySelector("#donnees-appels")!;
        Assert.Contains("Appels à projets", section.TextContent);
        Assert.NotNull(section.QuerySelector("a[href='/hauts-de-france/donnees/appels.csv']"));
        Assert.NotNull(section.QuerySelector("a[href='/hauts-de-france/donnees/appels.json']"));
        Assert.Contains("Licence Ouverte", section.TextContent);
        Assert.Contains("Schéma", section.TextContent);
    }

    [Fact]
    public async Task A_tenant_without_the_calls_module_lists_no_calls_dataset_and_serves_no_file()
    {
        var manager = factory.Service<Network.Core.Tenancy.TenantManager>();
        await manager.DisableFeatureAsync("nouvelle-aquitaine", "Calls");
        try
        {
            var client = factory.CreateClient();
            var page = await client.GetDocumentAsync("/nouvelle-aquitaine/donnees");
            Assert.Null(page.QuerySelector("#donnees-appels"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/nouvelle-aquitaine/donnees/appels.csv")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/nouvelle-aquitaine/appels")).StatusCode);
        }
        finally
        {
            await manager.EnableFeatureAsync("nouvelle-aquitaine", "Calls");
        }
    }
}
