using Network.Core.Localization;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Data;
using Network.Modules.Content.Syndication;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>
/// The events' feeds (<c>/evenements/rss.xml</c>, <c>/evenements/atom.xml</c>): when and where first, then the
/// description; the kind as category. Their pages also announce the iCalendar feed.
/// </summary>
public sealed class EventFeed(EventType type) : ContentFeedDefinition<EventFields>(type)
{
    public override string Description(TenantInfo tenant) => tenant.IsHub
        ? "Les événements partagés par les régions du réseau."
        : $"Les événements de {tenant.DisplayName}.";

    public override IEnumerable<FeedLink> AlsoAnnounced(TenantInfo tenant) => [EventCalendarEndpoints.FeedLink("", tenant)];

    protected override ContentFeedParts PartsOf(ContentItem item, EventFields fields, TenantInfo owner)
    {
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        var place = fields.Online ? "en ligne" : string.Join(", ", new[] { fields.VenueName, fields.City }.Select(p => p.Trim()).Where(p => p.Length > 0));
        var when = $"**Du** {ParisTime.Format(fields.StartUtc, french)} **au** {ParisTime.Format(fields.EndUtc, french)} (heure de Paris)" + (place.Length > 0 ? $" — {place}" : "");
        List<(string, string)> categories = EventKinds.IsKnown(fields.Kind) ? [(fields.Kind, EventKinds.Label(fields.Kind))] : [];
        return new(Publisher(owner), when + "\n\n" + fields.Description, categories);
    }
}
