using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Modules.Calls;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Events;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;

namespace Network.Modules.Follows.Services;

/// <summary>The parts of a digest, in their order in the mail.</summary>
public enum DigestSection
{
    Showcases,
    Practices,
    CallsOpening,
    CallsClosing,
    Events,
}

/// <summary>One line of a digest: an item of a tenant, its absolute address, and its date or seats where the section has them.</summary>
public sealed record DigestEntry(string Tenant, DigestSection Section, int ItemId, string Title, string Url, DateTime? WhenUtc = null, int? SeatsLeft = null);

/// <summary>The week a digest covers: items published from <see cref="FromUtc"/> to <see cref="ToUtc"/> (the last ISO week, Paris time).</summary>
public sealed record DigestWeek(string Key, DateTime FromUtc, DateTime ToUtc, DateTime NowUtc);

/// <summary>
/// Reads what happened in one tenant for a digest week, once for all members: showcases and practices published during
/// the week, calls opening (since the week's start or within the next 7 days) or closing within 14 days, events of the
/// next 30 days with seats left (from the Events catalog, so seats are the ones the public sees). Each entry comes with
/// the topics (<see cref="ItemTopics"/>) it belongs to.
/// </summary>
public sealed class DigestCollector(ContentDbContext content, ContentTypeRegistry types, TenantUrls urls, IServiceProvider services)
{
    public static readonly TimeSpan OpeningSoon = TimeSpan.FromDays(7);
    public static readonly TimeSpan ClosingSoon = TimeSpan.FromDays(14);
    public static readonly TimeSpan EventsAhead = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<(DigestEntry Entry, IReadOnlyList<string> Topics)>> CollectAsync(TenantInfo tenant, string? hub, DigestWeek week, CancellationToken cancellationToken)
    {
        var result = new List<(DigestEntry, IReadOnlyList<string>)>();
        var published = await content.Items.AsNoTracking().Include(i => i.Facets)
            .Where(i => i.OriginTenant == null && i.Status == ContentStatus.Published && (i.ContentType == "showcase" || i.ContentType == "practice")
                && i.PublishedUtc >= week.FromUtc && i.PublishedUtc < week.ToUtc)
            .OrderByDescending(i => i.PublishedUtc).ToListAsync(cancellationToken);
        foreach (var item in published)
        {
            if (types.Find(item.ContentType) is not { } type || !tenant.IsEnabled(type.ModuleId)) continue;
            var section = item.ContentType == "showcase" ? DigestSection.Showcases : DigestSection.Practices;
            result.Add((new DigestEntry(tenant.Name, section, item.Id, item.Title, Url(tenant, type, item.Slug), item.PublishedUtc),
                ItemTopics.Of(tenant.Name, hub, item, item.Facets.ToLookup(f => f.Facet, f => f.Value), type.ReadFields(item.FieldsJson))));
        }
        if (tenant.IsEnabled(CallsModule.ModuleId)) await CallsAsync(tenant, hub, week, result, cancellationToken);
        if (tenant.IsEnabled(EventsModule.ModuleId)) await EventsAsync(tenant, hub, week, result, cancellationToken);
        return result;
    }

    private async Task CallsAsync(TenantInfo tenant, string? hub, DigestWeek week, List<(DigestEntry, IReadOnlyList<string>)> result, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<CallCatalog>();
        var type = services.GetRequiredService<CallType>();
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        var own = snapshot.Items.Where(c => c.Item.OriginTenant is null).ToList();
        if (own.Count == 0) return;
        var states = await catalog.StatesAsync(snapshot, cancellationToken);
        foreach (var card in own)
        {
            var fields = card.FieldsAs<CallFields>();
            var state = states.GetValueOrDefault(card.Item.Id);
            DigestEntry? entry = null;
            if (fields.OpensUtc >= week.FromUtc && fields.OpensUtc < week.NowUtc + OpeningSoon && state is CallState.Upcoming or CallState.Open)
                entry = new(tenant.Name, DigestSection.CallsOpening, card.Item.Id, card.Item.Title, Url(tenant, type, card.Item.Slug), fields.OpensUtc);
            else if (state == CallState.Open && fields.ClosesUtc < week.NowUtc + ClosingSoon)
                entry = new(tenant.Name, DigestSection.CallsClosing, card.Item.Id, card.Item.Title, Url(tenant, type, card.Item.Slug), fields.ClosesUtc);
            if (entry is not null) result.Add((entry, ItemTopics.Of(tenant.Name, hub, card.Item, card.Facets, fields)));
        }
    }

    private async Task EventsAsync(TenantInfo tenant, string? hub, DigestWeek week, List<(DigestEntry, IReadOnlyList<string>)> result, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<EventCatalog>();
        var type = services.GetRequiredService<EventType>();
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        var own = snapshot.Items.Where(c => c.Item.OriginTenant is null).ToList();
        if (own.Count == 0) return;
        var statuses = await catalog.StatusesAsync(snapshot, cancellationToken);
        foreach (var card in own)
        {
            var fields = card.FieldsAs<EventFields>();
            if (fields.Capacity <= 0 || fields.StartUtc < week.NowUtc || fields.StartUtc > week.NowUtc + EventsAhead) continue;
            var status = statuses.GetValueOrDefault(card.Item.Id) ?? EventPublicStatus.Default;
            if (catalog.StateOf(card, status) != EventState.Scheduled) continue;
            var left = status.SeatsLeft(fields.Capacity) ?? fields.Capacity;
            if (left == 0) continue;
            result.Add((new DigestEntry(tenant.Name, DigestSection.Events, card.Item.Id, card.Item.Title, Url(tenant, type, card.Item.Slug), fields.StartUtc, left),
                ItemTopics.Of(tenant.Name, hub, card.Item, card.Facets, fields)));
        }
    }

    private string Url(TenantInfo tenant, ContentTypeDefinition type, string slug) => urls.Absolute(tenant, type.PublicUrl(Uri.EscapeDataString(slug)));
}
