using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Network.Core.Localization;
using Network.Core.OpenData;
using Network.Core.Tenancy;
using Network.Core.Text;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.OpenData;

/// <summary>One call as the "dispositif d'aide" fields describe it.</summary>
public sealed record CallDatasetRow(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("titre")] string Titre,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("eligibilite")] string Eligibilite,
    [property: JsonPropertyName("types_aides")] string TypesAides,
    [property: JsonPropertyName("porteurs")] string Porteurs,
    [property: JsonPropertyName("cibles")] string Cibles,
    [property: JsonPropertyName("eligibilite_geographique")] string EligibiliteGeographique,
    [property: JsonPropertyName("date_ouverture")] string DateOuverture,
    [property: JsonPropertyName("date_cloture")] string DateCloture,
    [property: JsonPropertyName("date_mise_a_jour")] string DateMiseAJour);

/// <summary>
/// The Calls module's datasets on <c>/donnees</c>: "subventions" (<see cref="SubventionsDataset"/>) and "appels": the tenant's published calls (on the hub, its own and the regions' shared ones through their
/// copies) at <c>/donnees/appels.csv</c> and <c>/donnees/appels.json</c>, read from the cached list (no query per call).
/// Drafts and unpublished calls are never in it.
/// </summary>
public sealed class CallsOpenData : IOpenDatasetSource
{
    public const string CsvPath = "/donnees/appels.csv";
    public const string JsonPath = "/donnees/appels.json";

    public static readonly IReadOnlyList<string> Columns =
        ["id", "titre", "description", "eligibilite", "types_aides", "porteurs", "cibles", "eligibilite_geographique", "date_ouverture", "date_cloture", "date_mise_a_jour"];

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public IReadOnlyList<OpenDataset> Datasets { get; } =
    [
        new("appels", "Appels à projets",
            "Un enregistrement par appel à projets publié : conditions, structures visées, territoire, dates d'ouverture et de clôture (heure de Paris). Mis à jour à chaque publication ou modification.",
            [new("csv", CsvPath), new("json", JsonPath)], CallsModule.ModuleId, "Dispositifs d'aide (champs id, titre, description, eligibilite, types_aides, porteurs, cibles, eligibilite_geographique, dates)"),
        SubventionsDataset.Dataset,
    ];

    public static async Task<IResult> AnswerAsync(HttpContext http, bool csv, CallCatalog catalog, TenantContext tenantContext, TenantCatalog tenants)
    {
        var rows = await RowsAsync(catalog, tenantContext.Required, tenants, http.RequestAborted);
        http.Response.Headers.CacheControl = "public, max-age=300";
        if (csv)
        {
            var text = Csv.Write(Columns, rows.Select(r => new[]
            {
                r.Id, r.Titre, r.Description, r.Eligibilite, r.TypesAides, r.Porteurs, r.Cibles, r.EligibiliteGeographique, r.DateOuverture, r.DateCloture, r.DateMiseAJour,
            }));
            return Results.Text(text, Csv.ContentType);
        }
        return Results.Text(JsonSerializer.Serialize(rows, JsonOptions), "application/json; charset=utf-8");
    }

    public static async Task<IReadOnlyList<CallDatasetRow>> RowsAsync(CallCatalog catalog, TenantInfo tenant, TenantCatalog tenants, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        return snapshot.Items.OrderBy(c => c.Item.OriginTenant ?? "").ThenBy(c => c.Item.OriginId ?? c.Item.Id).Select(card =>
        {
            var item = card.Item;
            var f = card.FieldsAs<CallFields>();
            var owner = item.OriginTenant is { } origin ? tenants.Find(origin) ?? tenant : tenant;
            var id = item.OriginTenant is null ? $"{tenant.Name}-{item.Id}" : $"{item.OriginTenant}-{item.OriginId}";
            var porteur = owner.OperatorName.Length > 0 ? owner.OperatorName : owner.DisplayName;
            return new CallDatasetRow(id, item.Title, item.Summary, f.EligibleExpenses, "Subvention", porteur,
                string.Join(";", f.EligibleApplicants.Select(ApplicantTypes.Label)), f.Territory,
                ParisTime.Iso(f.OpensUtc), ParisTime.Iso(f.ClosesUtc), item.UpdatedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }).ToList();
    }
}
