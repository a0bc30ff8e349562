using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.OpenData;
using Network.Core.Tenancy;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.OpenData;

/// <summary>
/// One row of the SCDL "subventions" 2.1.1 table, in the schema's column order (<see cref="SubventionsDataset.Definition"/>
/// gives their names). Dates are ISO 8601 text; empty text is an absent value.
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
    decimal Montant,
    string Nature,
    string ConditionsVersement,
    string DatesPeriodeVersement,
    string IdRAE,
    bool NotificationUE,
    decimal PourcentageSubvention,
    string DispositifAide)
{
    public object?[] Typed =>
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
    : IOpenDatasetSource
{
    public const string Nature = "aide en numéraire";
    public const string PaymentConditions = "Versement unique à la signature de la convention";
    public static readonly TimeSpan HubCacheDuration = TimeSpan.FromMinutes(1);

    public static readonly OpenDataset Definition = new(
        "subventions",
        "Subventions attribuées",
        "Les subventions accordées par les appels à projets dont les résultats sont publiés : une ligne par projet retenu (bénéficiaire, objet, montant, dates). Mise à jour à chaque publication de résultats.",
        CallsModule.ModuleId,
        [
            new("nomAttribuant", "Nom du service qui attribue la subvention."),
            new("idAttribuant", "SIRET du service qui attribue la subvention."),
            new("dateConvention", "Date de la convention ou, à défaut, de la décision (AAAA-MM-JJ)."),
            new("referenceDecision", "Référence de la décision."),
            new("nomBeneficiaire", "Nom de la structure bénéficiaire."),
            new("idBeneficiaire", "SIRET de la structure bénéficiaire."),
            new("rnaBeneficiaire", "Numéro RNA d'une association bénéficiaire sans SIRET."),
            new("objet", "Objet de la subvention : le titre du projet."),
            new("montant", "Montant accordé, en euros.", OpenDataType.Amount),
            new("nature", "Nature de l'aide : aide en numéraire."),
            new("conditionsVersement", "Conditions de versement."),
            new("datesPeriodeVersement", "Date ou période de versement (AAAA-MM-JJ)."),
            new("idRAE", "Identifiant au registre des aides d'État (vide)."),
            new("notificationUE", "Aide notifiée à l'Union européenne.", OpenDataType.Boolean),
            new("pourcentageSubvention", "Part du budget total du projet couverte par la subvention (0 à 1).", OpenDataType.Number),
            new("dispositifAide", "Identifiant de l'appel à projets dans le jeu « appels »."),
        ],
        ["subventions", "aides publiques", "culture", "innovation numérique", "SCDL"],
        "SCDL subventions 2.1.1",
        "https://schema.data.gouv.fr/scdl/subventions/2.1.1/");

    public OpenDataset Dataset => Definition;

    public async Task<OpenDatasetState> StateAsync(CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        return new OpenDatasetState(table.Rows.Count, table.ModifiedUtc);
    }

    /// <summary>The rows are few (one per award) and computed with their checks: read whole, written as they go out.</summary>
    public async IAsyncEnumerable<object?[]> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var row in (await TableAsync(cancellationToken)).Rows) yield return row.Typed;
    }

    private sealed record Table(IReadOnlyList<SubventionRow> Rows, DateTime? ModifiedUtc);

    /// <summary>The rows of the current tenant (on the hub, of every running region with calls, kept a minute).</summary>
    private async Task<Table> TableAsync(CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        if (!tenant.IsHub) return await OwnTableAsync(tenant, results, cancellationToken);
        return (await cache.GetOrCreateAsync($"calls:subventions:hub:{catalog.Hub?.Version}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = HubCacheDuration;
            var tables = new List<Table> { await OwnTableAsync(tenant, results, cancellationToken) };
            foreach (var (_, regionTable) in await regions.ReadEachAsync(CallsModule.ModuleId,
                (region, services) => OwnTableAsync(region, services.GetRequiredService<CallResults>(), cancellationToken)))
                tables.Add(regionTable);
            return new Table(tables.SelectMany(t => t.Rows).ToList(), tables.Max(t => t.ModifiedUtc));
        }))!;
    }

    private static async Task<Table> OwnTableAsync(TenantInfo tenant, CallResults results, CancellationToken cancellationToken)
    {
        if (!Siret.IsValid(tenant.Siret)) return new Table([], null);
        var awards = await results.AwardsAsync(cancellationToken);
        return new Table(awards.Select(a => ToRow(tenant, a)).Where(r => r is not null).Select(r => r!).ToList(), await results.LatestResultsPublishedUtcAsync(cancellationToken));
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
            Montant: decimal.Round(granted, 2),
            Nature: Nature,
            ConditionsVersement: PaymentConditions,
            DatesPeriodeVersement: iso,
            IdRAE: "",
            NotificationUE: false,
            PourcentageSubvention: rate,
            // The call's id in the "appels" dataset of the same site.
            DispositifAide: $"{tenant.Name}-{award.CallItem.Id}");
    }

    private static string Digits(string? value) => new((value ?? "").Where(char.IsAsciiDigit).ToArray());

    private static string OneLine(string value) => string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
