using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.OpenData;
using Network.Core.Tenancy;
using Network.Core.Text;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.OpenData;

/// <summary>
/// One row of the SCDL "subventions" 2.1.1 table, in the schema's column order and with its names. Every value is
/// text as the CSV carries it (dates ISO 8601, amounts with a dot, booleans "oui"/"non").
/// </summary>
public sealed record SubventionRow(
    string NomAttribuant,
    string IdAttribuant,
    string DateConvention,
    string ReferenceDecision,
    string NomBeneficiaire,
    string IdBeneficiaire,
    string RnaBeneficiaire,
    string Objet,
    string Montant,
    string Nature,
    string ConditionsVersement,
    string DatesPeriodeVersement,
    string IdRAE,
    string NotificationUE,
    string PourcentageSubvention,
    string DispositifAide)
{
    /// <summary>The schema's field names, in its order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire",
        "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention", "dispositifAide",
    ];

    public IReadOnlyList<string> Values =>
    [
        NomAttribuant, IdAttribuant, DateConvention, ReferenceDecision, NomBeneficiaire, IdBeneficiaire, RnaBeneficiaire,
        Objet, Montant, Nature, ConditionsVersement, DatesPeriodeVersement, IdRAE, NotificationUE, PourcentageSubvention, DispositifAide,
    ];
}

/// <summary>
/// The tenant's awards as open data following the SCDL "subventions" schema 2.1.1, at <c>/donnees/subventions.csv</c>
/// and <c>.json</c>: one row per accepted application of a call whose results are published. The attributing office is
/// the tenant's (its operator name and SIRET, from the tenant settings). On the hub, the rows of every running region
/// (each with its own attributing office), read through each region's scope and kept a minute.
/// </summary>
/// <remarks>
/// Choices the schema leaves to the publisher: dateConvention is the convention's date, or the decision's when none was
/// signed yet (the schema's "date de la convention ou, à défaut, de la décision"); the grant is paid once at the
/// convention ("Versement unique à la signature de la convention"), so datesPeriodeVersement is that one date;
/// associations known only by their RNA number fill rnaBeneficiaire and leave idBeneficiaire empty (the schema's
/// "one-of-required" check between the two); the percentage is the amount granted over the project's total budget.
/// A tenant without a valid SIRET publishes no rows: idAttribuant is required.
/// </remarks>
public sealed class SubventionsDataset(CallResults results, TenantContext tenantContext, TenantCatalog catalog, RegionScopes regions, IMemoryCache cache)
{
    public const string CsvPath = "/donnees/subventions.csv";
    public const string JsonPath = "/donnees/subventions.json";
    public const string Nature = "aide en numéraire";
    public const string PaymentConditions = "Versement unique à la signature de la convention";
    public static readonly TimeSpan HubCacheDuration = TimeSpan.FromMinutes(1);

    public static readonly OpenDataset Dataset = new(
        "subventions",
        "Subventions attribuées",
        "Les subventions accordées par les appels à projets dont les résultats sont publiés : une ligne par projet retenu (bénéficiaire, objet, montant, dates). Mise à jour à chaque publication de résultats.",
        [new OpenDatasetFile("csv", CsvPath), new OpenDatasetFile("json", JsonPath)],
        CallsModule.ModuleId,
        "SCDL subventions 2.1.1",
        "https://schema.data.gouv.fr/scdl/subventions/2.1.1/");

    /// <summary>The rows of the current tenant (on the hub, of every running region with calls).</summary>
    public async Task<IReadOnlyList<SubventionRow>> RowsAsync(CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Required;
        if (!tenant.IsHub) return await OwnRowsAsync(tenant, results, cancellationToken);
        return (await cache.GetOrCreateAsync($"calls:subventions:hub:{catalog.Hub?.Version}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = HubCacheDuration;
            var rows = new List<SubventionRow>(await OwnRowsAsync(tenant, results, cancellationToken));
            foreach (var (_, regionRows) in await regions.ReadEachAsync(CallsModule.ModuleId,
                (region, services) => OwnRowsAsync(region, services.GetRequiredService<CallResults>(), cancellationToken)))
                rows.AddRange(regionRows);
            return (IReadOnlyList<SubventionRow>)rows;
        }))!;
    }

    private static async Task<IReadOnlyList<SubventionRow>> OwnRowsAsync(TenantInfo tenant, CallResults results, CancellationToken cancellationToken)
    {
        if (!Siret.IsValid(tenant.Siret)) return [];
        var awards = await results.AwardsAsync(cancellationToken);
        return awards.Select(a => ToRow(tenant, a)).Where(r => r is not null).Select(r => r!).ToList();
    }

    internal static SubventionRow? ToRow(TenantInfo tenant, CallAward award)
    {
        var application = award.Application;
        var form = award.Form;
        var siret = Digits(form.Siret);
        var rna = (form.Rna ?? "").Trim().ToUpperInvariant();
        var hasSiret = siret.Length == 14 && Siret.IsValid(siret);
        var hasRna = System.Text.RegularExpressions.Regex.IsMatch(rna, @"^W\d{9}$");
        var date = application.ConventionDate ?? application.DecisionDate;
        // A row the schema would refuse (no identifier, no date, no amount) is left out rather than published wrong.
        if ((!hasSiret && !hasRna) || date is null || application.AmountGranted is not { } granted || granted <= 0) return null;
        var total = application.TotalBudget ?? form.TotalBudget;
        var rate = total is { } budget && budget > 0 ? Math.Clamp(decimal.Round(granted / budget, 4), 0.01m, 1m) : 1m;
        var iso = date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new SubventionRow(
            NomAttribuant: string.IsNullOrWhiteSpace(tenant.OperatorName) ? tenant.DisplayName : tenant.OperatorName,
            IdAttribuant: tenant.Siret,
            DateConvention: iso,
            ReferenceDecision: application.Reference ?? "",
            NomBeneficiaire: OneLine(string.IsNullOrWhiteSpace(form.OrganisationName) ? application.OrganisationName : form.OrganisationName),
            IdBeneficiaire: hasSiret ? siret : "",
            RnaBeneficiaire: hasSiret ? (hasRna ? rna : "") : rna,
            Objet: Cut(OneLine(application.ProjectTitle), 256),
            Montant: granted.ToString("0.00", CultureInfo.InvariantCulture),
            Nature: Nature,
            ConditionsVersement: PaymentConditions,
            DatesPeriodeVersement: iso,
            IdRAE: "",
            NotificationUE: "non",
            PourcentageSubvention: rate.ToString("0.####", CultureInfo.InvariantCulture),
            // The call's id in the "appels" dataset of the same site.
            DispositifAide: $"{tenant.Name}-{award.CallItem.Id}");
    }

    public static string ToCsv(IReadOnlyList<SubventionRow> rows) => Csv.Write(SubventionRow.Columns, rows.Select(r => r.Values));

    /// <summary>The same rows as a JSON array of objects keyed by the schema's names; numbers and booleans typed.</summary>
    public static string ToJson(IReadOnlyList<SubventionRow> rows)
    {
        var list = rows.Select(r =>
        {
            var o = new Dictionary<string, object?>();
            for (var i = 0; i < SubventionRow.Columns.Count; i++)
            {
                var name = SubventionRow.Columns[i];
                var value = r.Values[i];
                o[name] = name switch
                {
                    "montant" or "pourcentageSubvention" => decimal.Parse(value, CultureInfo.InvariantCulture),
                    "notificationUE" => value == "oui",
                    _ => value.Length == 0 ? null : value,
                };
            }
            return o;
        });
        return JsonSerializer.Serialize(list, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task AnswerAsync(HttpContext http, string format)
    {
        var rows = await RowsAsync(http.RequestAborted);
        var csv = format == "csv";
        http.Response.ContentType = csv ? Csv.ContentType : "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"subventions.{format}\"";
        http.Response.Headers.CacheControl = "public, max-age=60";
        if (HttpMethods.IsHead(http.Request.Method)) return;
        await http.Response.WriteAsync(csv ? ToCsv(rows) : ToJson(rows), Encoding.UTF8, http.RequestAborted);
    }

    private static string Digits(string? value) => new((value ?? "").Where(char.IsAsciiDigit).ToArray());

    private static string OneLine(string value) => string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
