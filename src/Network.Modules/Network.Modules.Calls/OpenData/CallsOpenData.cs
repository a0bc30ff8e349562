using System.Runtime.CompilerServices;
using Network.Core.OpenData;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.OpenData;

namespace Network.Modules.Calls.OpenData;

/// <summary>
/// The "appels" dataset: the tenant's published calls (on the hub, its own and the regions' shared ones through their
/// copies) with the "dispositif d'aide" fields, then their address, region, programme and amounts; streamed from the
/// database. Drafts and unpublished calls are never in it, nor anything of applications.
/// </summary>
public sealed class CallsOpenData(ContentOpenData content, CallType type) : IOpenDatasetSource
{
    public static readonly OpenDataset Definition = new(
        "appels",
        "Appels à projets",
        "Un enregistrement par appel à projets publié : conditions, structures visées, territoire, dates d'ouverture et de clôture (heure de Paris), enveloppe. Mis à jour à chaque publication ou modification.",
        CallsModule.ModuleId,
        [
            new("id", "Identifiant stable du dispositif : nom du site régional et numéro de l'appel dans ce site."),
            new("titre", "Titre de l'appel."),
            new("description", "Résumé de l'appel."),
            new("eligibilite", "Dépenses éligibles (texte Markdown)."),
            new("types_aides", "Forme de l'aide : Subvention."),
            new("porteurs", "Service qui porte l'appel."),
            new("cibles", "Structures qui peuvent candidater, séparées par des points-virgules."),
            new("eligibilite_geographique", "Territoire couvert."),
            new("date_ouverture", "Ouverture des candidatures, heure de Paris avec son décalage.", OpenDataType.DateTime),
            new("date_cloture", "Clôture des candidatures, heure de Paris avec son décalage.", OpenDataType.DateTime),
            new("date_mise_a_jour", "Dernière modification de l'appel (AAAA-MM-JJ).", OpenDataType.Date),
            new("url", "Adresse de la page de l'appel.", OpenDataType.Url),
            new("region", "Site régional qui publie l'appel."),
            new("programme", "Programme de financement (PNV, ADNI…)."),
            new("annee", "Année de l'appel.", OpenDataType.Integer),
            new("enveloppe", "Enveloppe totale de l'appel, en euros.", OpenDataType.Amount),
            new("montant_maximum", "Montant maximal par projet, en euros.", OpenDataType.Amount),
        ],
        ["appels à projets", "aides", "subventions", "culture", "innovation numérique"],
        "Dispositifs d'aide (champs id, titre, description, eligibilite, types_aides, porteurs, cibles, eligibilite_geographique, dates)");

    public OpenDataset Dataset => Definition;

    public Task<OpenDatasetState> StateAsync(CancellationToken cancellationToken) => content.StateAsync(type, cancellationToken);

    public async IAsyncEnumerable<object?[]> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in content.PublishedAsync(type, cancellationToken))
        {
            var item = row.Item;
            var f = row.FieldsAs<CallFields>();
            var porteur = row.Owner.OperatorName.Length > 0 ? row.Owner.OperatorName : row.Owner.DisplayName;
            yield return
            [
                row.Id, item.Title, item.Summary, f.EligibleExpenses, "Subvention", porteur, string.Join(";", f.EligibleApplicants.Select(ApplicantTypes.Label)),
                f.Territory, f.OpensUtc, f.ClosesUtc, item.UpdatedUtc, row.Url, row.Region, f.Programme, f.Year == 0 ? null : f.Year,
                f.TotalEnvelope, f.MaxAmountPerProject,
            ];
        }
    }
}
