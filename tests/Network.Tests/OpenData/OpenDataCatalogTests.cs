using System.Globalization;
using System.Net;
using System.Text.Json;
using Network.Core.OpenData;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;

namespace Network.Tests.OpenData;

/// <summary>The /donnees page, one dataset's page and the DCAT catalog: what each says of every dataset, checked node by node.</summary>
public sealed class OpenDataCatalogTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = ShowcaseTestKit.Hdf;

    private static string Text(JsonElement node, string property)
    {
        Assert.True(node.TryGetProperty(property, out var value), $"{property} is missing in {node}");
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(value.GetString()), $"{property} is empty");
        return value.GetString()!;
    }

    private static string Reference(JsonElement node, string property)
    {
        Assert.True(node.TryGetProperty(property, out var value), $"{property} is missing in {node}");
        var id = Text(value, "@id");
        Assert.True(Uri.TryCreate(id, UriKind.Absolute, out _), $"{property} is not absolute: {id}");
        return id;
    }

    [Fact]
    public async Task The_dcat_catalog_describes_every_dataset_and_file_with_the_required_properties()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        await factory.PublishAsync(Hdf, "Projet pour le catalogue " + Guid.NewGuid().ToString("N")[..6], new Network.Modules.Showcases.Data.ShowcaseFields { LeadOrganisation = "Musée", Domains = ["musees"] });
        var client = factory.CreateClient();
        var response = await client.GetAsync($"/{Hdf}/donnees/catalogue.jsonld");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var catalog = document.RootElement;

        var context = catalog.GetProperty("@context");
        Assert.Equal("http://www.w3.org/ns/dcat#", context.GetProperty("dcat").GetString());
        Assert.Equal("http://purl.org/dc/terms/", context.GetProperty("dct").GetString());
        Assert.Equal("dcat:Catalog", Text(catalog, "@type"));
        Assert.EndsWith($"/{Hdf}/donnees/catalogue.jsonld", Text(catalog, "@id"));
        Text(catalog, "dct:title");
        Text(catalog, "dct:description");
        Assert.Equal("foaf:Organization", Text(catalog.GetProperty("dct:publisher"), "@type"));
        Text(catalog.GetProperty("dct:publisher"), "foaf:name");

        var datasets = catalog.GetProperty("dcat:dataset").EnumerateArray().ToList();
        Assert.Equal(["appels", "evenements", "pratiques", "projets", "subventions"], datasets.Select(d => Text(d, "@id").Split('/')[^1]).Order());
        foreach (var dataset in datasets)
        {
            Assert.Equal("dcat:Dataset", Text(dataset, "@type"));
            Text(dataset, "dct:title");
            Text(dataset, "dct:description");
            Assert.Equal(OpenDataset.LicenceUrl, Reference(dataset, "dct:license"));
            Reference(dataset, "dcat:landingPage");
            var keywords = dataset.GetProperty("dcat:keyword").EnumerateArray().Select(k => k.GetString()).ToList();
            Assert.NotEmpty(keywords);
            Assert.All(keywords, k => Assert.False(string.IsNullOrWhiteSpace(k)));
            Text(dataset.GetProperty("dct:publisher"), "foaf:name");
            var id = Text(dataset, "@id").Split('/')[^1];
            // Every dataset with data has its update date (this tenant has showcases at least).
            if (id == "projets" || dataset.TryGetProperty("dct:modified", out _))
            {
                var modified = dataset.GetProperty("dct:modified");
                Assert.Equal("xsd:dateTime", Text(modified, "@type"));
                Assert.True(DateTime.TryParseExact(Text(modified, "@value"), "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _));
            }
            var distributions = dataset.GetProperty("dcat:distribution").EnumerateArray().ToList();
            Assert.Equal(2, distributions.Count);
            foreach (var distribution in distributions)
            {
                Assert.Equal("dcat:Distribution", Text(distribution, "@type"));
                var url = Reference(distribution, "dcat:downloadURL");
                var format = Text(distribution, "dct:format");
                var mediaType = Text(distribution, "dcat:mediaType");
                Assert.Equal(format == "CSV" ? "text/csv" : "application/json", mediaType);
                Assert.EndsWith($"/{Hdf}/donnees/{id}.{format.ToLowerInvariant()}", url);
                // Every download address answers, with the media type announced.
                var file = await client.GetAsync(new Uri(url).PathAndQuery);
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                Assert.Equal(mediaType, file.Content.Headers.ContentType!.MediaType);
            }
        }
        var subventions = datasets.Single(d => Text(d, "@id").EndsWith("/subventions", StringComparison.Ordinal));
        Assert.Equal("https://schema.data.gouv.fr/scdl/subventions/2.1.1/", Reference(subventions, "dct:conformsTo"));
    }

    [Fact]
    public async Task The_open_data_page_lists_each_dataset_with_its_licence_date_formats_and_links_and_announces_the_catalog()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        await factory.PublishAsync(Hdf, "Projet de la page " + Guid.NewGuid().ToString("N")[..6], new Network.Modules.Showcases.Data.ShowcaseFields { LeadOrganisation = "Musée" });
        var page = await factory.CreateClient().GetDocumentAsync($"/{Hdf}/donnees");
        var alternate = page.QuerySelector("head link[rel='alternate'][type='application/ld+json']");
        Assert.Equal($"/{Hdf}/donnees/catalogue.jsonld", alternate!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"main a[href='/{Hdf}/donnees/catalogue.jsonld']"));
        foreach (var id in new[] { "projets", "pratiques", "evenements", "appels", "subventions" })
        {
            var section = page.QuerySelector($"#donnees-{id}")!;
            Assert.NotNull(section.QuerySelector($"h2 a[href='/{Hdf}/donnees/{id}']"));
            Assert.NotNull(section.QuerySelector($"a[href='/{Hdf}/donnees/{id}.csv']"));
            Assert.NotNull(section.QuerySelector($"a[href='/{Hdf}/donnees/{id}.json']"));
            Assert.Contains("Licence Ouverte Etalab 2.0", section.TextContent);
            Assert.Contains("Mise à jour", section.TextContent);
            Assert.Contains("lignes", section.TextContent);
        }
        Assert.NotNull(page.QuerySelector("#donnees-projets time[datetime]"));
    }

    [Fact]
    public async Task A_dataset_page_describes_its_columns_files_licence_and_update_date()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        await factory.PublishAsync(Hdf, "Projet décrit " + Guid.NewGuid().ToString("N")[..6], new Network.Modules.Showcases.Data.ShowcaseFields { LeadOrganisation = "Musée" });
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync($"/{Hdf}/donnees/projets");
        Assert.Equal("Projets innovants", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"a[href='{OpenDataset.LicenceUrl}']"));
        Assert.NotNull(page.QuerySelector("time[datetime]"));
        Assert.NotNull(page.QuerySelector($"a[href='/{Hdf}/donnees/projets.csv']"));
        Assert.NotNull(page.QuerySelector($"a[href='/{Hdf}/donnees/projets.json']"));
        var names = page.QuerySelectorAll("#table-colonnes tbody th code").Select(c => c.TextContent).ToList();
        Assert.Equal(Network.Modules.Showcases.OpenData.ShowcasesOpenData.Definition.ColumnNames, names);
        Assert.NotNull(page.QuerySelector("head link[rel='alternate'][type='application/ld+json']"));

        var subventions = await client.GetDocumentAsync($"/{Hdf}/donnees/subventions");
        Assert.NotNull(subventions.QuerySelector("a[href='https://schema.data.gouv.fr/scdl/subventions/2.1.1/']"));
    }
}
