using System.Runtime.CompilerServices;
using Network.Core.OpenData;
using Network.Modules.Content.OpenData;
using Network.Modules.Content.Services;
using Network.Modules.Practices.Data;
using Network.Modules.Practices.Services;

namespace Network.Modules.Practices.OpenData;

/// <summary>
/// The "pratiques" dataset: one row per published practice report (on the hub, the regions' shared ones too), streamed
/// from the database. The person shown as author stays out (the organisation is there); the report's sections are on
/// its page, linked by the url column.
/// </summary>
public sealed class PracticesOpenData(ContentOpenData content, PracticeType type, VocabularyService vocabularies) : IOpenDatasetSource
{
    public static readonly OpenDataset Definition = new(
        "pratiques",
        "Retours d'expérience",
        "Un enregistrement par retour d'expérience publié : organisation, domaines culturels, mots-clés, ressources et projets liés. Mis à jour à chaque publication ou modification d'un retour d'expérience.",
        PracticesModule.ModuleId,
        [
            new("id", "Identifiant stable : nom du site régional et numéro du retour d'expérience dans ce site."),
            new("titre", "Titre du retour d'expérience."),
            new("resume", "Résumé en une ou deux phrases."),
            new("url", "Adresse de la page du retour d'expérience.", OpenDataType.Url),
            new("region", "Site régional qui l'a publié."),
            new("organisation", "Organisation qui partage son expérience."),
            new("domaines", "Domaines culturels, séparés par des points-virgules.", OpenDataType.List),
            new("mots_cles", "Mots-clés, séparés par des points-virgules.", OpenDataType.List),
            new("ressources", "Adresses des outils et ressources cités, séparées par des points-virgules.", OpenDataType.List),
            new("projets_lies", "Identifiants (jeu « projets ») des projets dont il parle, séparés par des points-virgules.", OpenDataType.List),
            new("licence", "Licence du texte."),
            new("date_publication", "Première publication (AAAA-MM-JJ).", OpenDataType.Date),
            new("date_mise_a_jour", "Dernière modification (AAAA-MM-JJ).", OpenDataType.Date),
        ],
        ["retours d'expérience", "bonnes pratiques", "culture", "innovation numérique"]);

    public OpenDataset Dataset => Definition;

    public Task<OpenDatasetState> StateAsync(CancellationToken cancellationToken) => content.StateAsync(type, cancellationToken);

    public async IAsyncEnumerable<object?[]> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var domains = await vocabularies.LabelsAsync(Vocabularies.Domains, cancellationToken);
        await foreach (var row in content.PublishedAsync(type, cancellationToken))
        {
            var item = row.Item;
            var f = row.FieldsAs<PracticeFields>();
            yield return
            [
                row.Id, item.Title, item.Summary, row.Url, row.Region, f.Organisation,
                f.Domains.Select(d => domains.GetValueOrDefault(d) ?? PracticeLabels.Fallback(d)).ToList(), f.Tags,
                f.Resources.Select(r => r.Url).ToList(),
                // Related showcases are of the same tenant as the practice: the region that owns it.
                f.RelatedShowcaseIds.Select(id => $"{row.Owner.Name}-{id}").ToList(),
                f.Licence, item.PublishedUtc, item.UpdatedUtc,
            ];
        }
    }
}
