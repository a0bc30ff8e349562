using System.Runtime.CompilerServices;
using Network.Core.OpenData;
using Network.Core.Tenancy;
using Network.Modules.Content.OpenData;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.OpenData;

/// <summary>
/// The "evenements" dataset: one row per published event (on the hub, the regions' shared ones too) with its public
/// status, place and dates, streamed from the database. Nothing of registrations (not even seat counts), nor the contact
/// address, the speakers or the online joining link.
/// </summary>
public sealed class EventsOpenData(ContentOpenData content, EventType type, EventCatalog catalog, TenantContext tenantContext) : IOpenDatasetSource
{
    public static readonly OpenDataset Definition = new(
        "evenements",
        "Événements",
        "Un enregistrement par événement publié (journées d'étude, ateliers, rencontres, webinaires, formations) : dates, lieu, statut, période d'inscription. Mis à jour à chaque publication, modification, annulation ou report.",
        EventsModule.ModuleId,
        [
            new("id", "Identifiant stable : nom du site régional et numéro de l'événement dans ce site."),
            new("titre", "Titre de l'événement."),
            new("resume", "Résumé en une ou deux phrases."),
            new("url", "Adresse de la page de l'événement (programme et inscription).", OpenDataType.Url),
            new("region", "Site régional qui organise l'événement."),
            new("type", "Journée d'étude, Atelier, Rencontre, Webinaire ou Formation."),
            new("statut", "programmé, annulé ou reporté."),
            new("debut", "Début, heure de Paris avec son décalage (AAAA-MM-JJThh:mm+01:00).", OpenDataType.DateTime),
            new("fin", "Fin, heure de Paris avec son décalage.", OpenDataType.DateTime),
            new("en_ligne", "Vrai pour un événement en ligne (sans lieu).", OpenDataType.Boolean),
            new("lieu", "Nom du lieu."),
            new("adresse", "Adresse du lieu."),
            new("code_postal", "Code postal du lieu."),
            new("ville", "Commune du lieu."),
            new("places", "Nombre de places.", OpenDataType.Integer),
            new("ouverture_inscriptions", "Ouverture des inscriptions, heure de Paris.", OpenDataType.DateTime),
            new("cloture_inscriptions", "Clôture des inscriptions, heure de Paris.", OpenDataType.DateTime),
            new("date_mise_a_jour", "Dernière modification de la page (AAAA-MM-JJ).", OpenDataType.Date),
        ],
        ["événements", "agenda", "culture", "innovation numérique", "formation"]);

    public OpenDataset Dataset => Definition;

    /// <summary>The items' state, dated by the latest status change too: a cancellation or postponement changes the
    /// "statut" column without touching the item.</summary>
    public async Task<OpenDatasetState> StateAsync(CancellationToken cancellationToken)
    {
        var state = await content.StateAsync(type, cancellationToken);
        if (await catalog.LatestStatusChangeUtcAsync(regions: tenantContext.Required.IsHub, cancellationToken) is not { } changed
            || state.ModifiedUtc >= changed) return state;
        return state with { ModifiedUtc = DateTime.SpecifyKind(changed, DateTimeKind.Utc) };
    }

    public async IAsyncEnumerable<object?[]> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statusOf = await catalog.StatusLookupAsync(own: true, copies: tenantContext.Required.IsHub, cancellationToken);
        await foreach (var row in content.PublishedAsync(type, cancellationToken))
        {
            var item = row.Item;
            var f = row.FieldsAs<EventFields>();
            yield return
            [
                row.Id, item.Title, item.Summary, row.Url, row.Region, EventKinds.Label(f.Kind), StatusLabel(statusOf(item).Status),
                f.StartUtc, f.EndUtc, f.Online, f.Online ? null : f.VenueName, f.Online ? null : f.StreetAddress,
                f.Online ? null : f.PostalCode, f.Online ? null : f.City, f.Capacity, f.RegistrationOpensUtc, f.RegistrationClosesUtc, item.UpdatedUtc,
            ];
        }
    }

    public static string StatusLabel(EventStatus status) => status switch
    {
        EventStatus.Cancelled => "annulé",
        EventStatus.Postponed => "reporté",
        _ => "programmé",
    };
}
