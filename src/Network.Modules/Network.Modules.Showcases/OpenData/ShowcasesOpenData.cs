using System.Runtime.CompilerServices;
using Network.Core.OpenData;
using Network.Modules.Content.OpenData;
using Network.Modules.Showcases.Data;
using Network.Modules.Showcases.Services;

namespace Network.Modules.Showcases.OpenData;

/// <summary>
/// The "projets" dataset: one row per published showcase (on the hub, the regions' shared ones too, with their region),
/// streamed from the database. The contact person, the author and the editorial texts stay out: only what describes
/// the project and its funding.
/// </summary>
public sealed class ShowcasesOpenData(ContentOpenData content, ShowcaseType type, ShowcaseCatalog catalog) : IOpenDatasetSource
{
    public static readonly OpenDataset Definition = new(
        "projets",
        "Projets innovants",
        "Un enregistrement par projet publié : structure porteuse et partenaires, lieu, domaines culturels, technologies, maturité, dates, programme et appel qui l'ont financé, montants. Mis à jour à chaque publication ou modification d'un projet.",
        ShowcasesModule.ModuleId,
        [
            new("id", "Identifiant stable : nom du site régional et numéro du projet dans ce site."),
            new("titre", "Titre du projet."),
            new("resume", "Résumé en une ou deux phrases."),
            new("url", "Adresse de la fiche du projet.", OpenDataType.Url),
            new("region", "Site régional qui a publié le projet."),
            new("structure_porteuse", "Organisation qui porte le projet."),
            new("partenaires", "Organisations partenaires, séparées par des points-virgules.", OpenDataType.List),
            new("departement", "Code INSEE du département (« 59 », « 2A »)."),
            new("commune", "Commune principale du projet."),
            new("domaines", "Domaines culturels, séparés par des points-virgules.", OpenDataType.List),
            new("technologies", "Technologies employées, séparées par des points-virgules.", OpenDataType.List),
            new("publics", "Publics visés, séparés par des points-virgules.", OpenDataType.List),
            new("maturite", "Idée, Prototype, Pilote, En production ou Arrêté."),
            new("date_debut", "Début du projet (AAAA-MM-JJ).", OpenDataType.Date),
            new("date_fin", "Fin du projet (AAAA-MM-JJ).", OpenDataType.Date),
            new("programme", "Programme de financement (PNV, ADNI…)."),
            new("appel", "Appel à projets qui a financé le projet."),
            new("annee", "Année de l'appel.", OpenDataType.Integer),
            new("montant_accorde", "Subvention accordée, en euros.", OpenDataType.Amount),
            new("budget_total", "Budget total du projet, en euros.", OpenDataType.Amount),
            new("cofinanceurs", "Autres financeurs, séparés par des points-virgules.", OpenDataType.List),
            new("licence", "Licence de la fiche."),
            new("date_publication", "Première publication de la fiche (AAAA-MM-JJ).", OpenDataType.Date),
            new("date_mise_a_jour", "Dernière modification de la fiche (AAAA-MM-JJ).", OpenDataType.Date),
        ],
        ["innovation numérique", "culture", "patrimoine", "projets financés", "subventions"]);

    public OpenDataset Dataset => Definition;

    public Task<OpenDatasetState> StateAsync(CancellationToken cancellationToken) => content.StateAsync(type, cancellationToken);

    public async IAsyncEnumerable<object?[]> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var labels = await catalog.LabelsAsync(cancellationToken);
        await foreach (var row in content.PublishedAsync(type, cancellationToken))
        {
            var item = row.Item;
            var f = row.FieldsAs<ShowcaseFields>();
            yield return
            [
                row.Id, item.Title, item.Summary, row.Url, row.Region, f.LeadOrganisation, f.Partners.Select(p => p.Name).ToList(),
                f.Department, f.Commune, f.Domains.Select(labels.Domain).ToList(), f.Technologies.Select(labels.Technology).ToList(), f.Audiences,
                ShowcaseType.MaturityLabel(f.Maturity), f.StartDate, f.EndDate, f.Programme, f.Call, f.Year, f.AmountGranted, f.TotalBudget,
                f.CoFunders, f.Licence, item.PublishedUtc, item.UpdatedUtc,
            ];
        }
    }
}
