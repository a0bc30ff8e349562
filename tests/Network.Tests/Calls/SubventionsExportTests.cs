using System.Net;
using System.Text.Json;
using Network.Core.Security;
using Network.Modules.Calls.Data;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Calls;

/// <summary>The awards' open data follows the SCDL "subventions" 2.1.1 schema, checked by reading the schema file itself.</summary>
public sealed class SubventionsExportTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";

    private static string Schema => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calls", "Schemas", "scdl-subventions-2.1.1.schema.json"));

    [Fact]
    public void The_validator_catches_what_the_schema_forbids()
    {
        var header = "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide\r\n";
        var good = "DRAC,13001797100016,2026-06-01,ADNI-2026-0001,Asso,73282932000074,,Projet,1000.00,aide en numéraire,unique,2026-06-01,,non,0.5,adni\r\n";
        Assert.Empty(TableSchemaValidator.Validate(Schema, header + good));
        var bad = "DRAC,13001797100017,01/06/2026,ADNI-2026-0001,Asso,,,Projet,mille,aide,unique,2026-06,123456,peut-être,1.5,adni\r\n";
        var errors = TableSchemaValidator.Validate(Schema, header + bad);
        foreach (var column in new[] { "idAttribuant", "dateConvention", "montant", "nature", "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention" })
            Assert.Contains(errors, e => e.Contains(column, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("one of idBeneficiaire and rnaBeneficiaire", StringComparison.Ordinal));
        Assert.NotEmpty(TableSchemaValidator.Validate(Schema, header.Replace("objet,montant", "montant,objet") + good));
        Assert.NotEmpty(TableSchemaValidator.Validate(Schema, header + ",13001797100016,2026-06-01,,Asso,73282932000074,,Projet,1000,aide en numéraire,unique,2026-06-01,,non,0.5,\r\n"));
    }

    [Fact]
    public async Task The_published_awards_are_valid_scdl_in_csv_and_json_and_the_hub_gathers_the_regions()
    {
        var client = factory.CreateClient();
        // Before any publication: the header alone, still valid.
        var empty = await client.GetStringAsync($"/{Region}/donnees/subventions.csv");
        Assert.Empty(TableSchemaValidator.Validate(Schema, empty));

        var call = await factory.CreateClosedCallAsync(Region, "Appel PNV aux subventions");
        var withSiret = await factory.AddSubmittedApplicationAsync(Region, call, await factory.PersonAsync(Region, NetworkRoles.Member, "Jade Siret"),
            CallsTestKit.CompleteForm("Numérisation, en 3D, du \"trésor\" de la cathédrale", 30_000m, 80_000m));
        var rnaForm = CallsTestKit.CompleteForm("Mémoire ouvrière en ligne", 12_000m, 24_000m);
        rnaForm.Siret = "";
        rnaForm.Rna = "W595012345";
        var rnaOnly = await factory.AddSubmittedApplicationAsync(Region, call, await factory.PersonAsync(Region, NetworkRoles.Member, "Karim Rna"), rnaForm);
        var refused = await factory.AddSubmittedApplicationAsync(Region, call, await factory.PersonAsync(Region, NetworkRoles.Member, "Léa Refus"),
            CallsTestKit.CompleteForm("Projet non retenu"));
        await factory.DecideAsync(Region, call, withSiret, ApplicationDecision.Accepted, 30_000m, conventionDate: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)));
        await factory.DecideAsync(Region, call, rnaOnly, ApplicationDecision.Accepted, 9_999.5m);
        await factory.DecideAsync(Region, call, refused, ApplicationDecision.Rejected);
        // Decided but not published: nothing is open data yet.
        Assert.Single(TableSchemaValidator.ParseCsv(await client.GetStringAsync($"/{Region}/donnees/subventions.csv")));
        Assert.True((await factory.PublishResultsAsync(Region, call)).Succeeded);

        var response = await client.GetAsync($"/{Region}/donnees/subventions.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var errors = TableSchemaValidator.Validate(Schema, csv);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var rows = TableSchemaValidator.ParseCsv(csv);
        Assert.Equal(3, rows.Count);
        var header = rows[0];
        string Cell(List<string> row, string name) => row[header.IndexOf(name)];
        var first = rows.Single(r => Cell(r, "referenceDecision") == withSiret.Reference);
        Assert.Equal("13001797100016", Cell(first, "idAttribuant"));
        Assert.Equal("Direction régionale des affaires culturelles Hauts-de-France", Cell(first, "nomAttribuant"));
        Assert.Equal("73282932000074", Cell(first, "idBeneficiaire"));
        Assert.Equal("30000.00", Cell(first, "montant"));
        Assert.Equal("0.375", Cell(first, "pourcentageSubvention"));
        Assert.Equal("Numérisation, en 3D, du \"trésor\" de la cathédrale", Cell(first, "objet"));
        var second = rows.Single(r => Cell(r, "referenceDecision") == rnaOnly.Reference);
        Assert.Equal("", Cell(second, "idBeneficiaire"));
        Assert.Equal("W595012345", Cell(second, "rnaBeneficiaire"));
        Assert.Equal("9999.50", Cell(second, "montant"));
        Assert.DoesNotContain(rows, r => Cell(r, "referenceDecision") == refused.Reference);

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/{Region}/donnees/subventions.json"));
        Assert.Equal(2, json.RootElement.GetArrayLength());
        var entry = json.RootElement.EnumerateArray().Single(e => e.GetProperty("referenceDecision").GetString() == withSiret.Reference);
        Assert.Equal(30000m, entry.GetProperty("montant").GetDecimal());
        Assert.False(entry.GetProperty("notificationUE").GetBoolean());

        // The hub gathers every region's awards, each with its own attributing office; another region has none of them.
        var hub = await client.GetStringAsync("/donnees/subventions.csv");
        Assert.Empty(TableSchemaValidator.Validate(Schema, hub));
        Assert.Contains(withSiret.Reference!, hub);
        Assert.DoesNotContain(withSiret.Reference!, await client.GetStringAsync("/nouvelle-aquitaine/donnees/subventions.csv"));
    }
}
