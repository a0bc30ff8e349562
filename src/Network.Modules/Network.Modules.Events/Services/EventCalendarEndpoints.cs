using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Network.Core.Hosting;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>
/// Builds the calendar entries of the tenant's events with stable identities: the UID names the event's own region and
/// the configured public host (never the visitor's host), so the region's file, its feed and the hub's feed describe
/// the same VEVENT, and a calendar updates it instead of adding a second one.
/// </summary>
public sealed class EventCalendar(TenantUrls urls, EventType type, IOptions<NetworkOptions> options)
{
    public string UidHost { get; } = Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "reseau.local";

    /// <summary>The public file's entry of an event of <paramref name="owner"/> (the current tenant, or a region for a hub copy).</summary>
    public IcsEvent PublicEntry(TenantInfo owner, ContentItem item, EventFields fields, EventSetup? setup)
    {
        var id = item.OriginId ?? item.Id;
        return IcsCalendar.ForEvent(item, fields, setup, IcsCalendar.EventUid(owner.Name, id, UidHost), urls.Absolute(owner, type.PublicUrl(item.Slug)),
            organizerName: owner.OperatorName.Length > 0 ? owner.OperatorName : owner.SiteName);
    }

    /// <summary>
    /// A registrant's own file (attached to their mails): its UID is the registration's, and a confirmed registrant of
    /// an online event gets the joining link.
    /// </summary>
    public IcsEvent RegistrationEntry(TenantInfo owner, ContentItem item, EventFields fields, EventSetup setup, EventRegistration registration)
    {
        var join = registration.Status == RegistrationStatus.Confirmed && fields.Online && setup.OnlineJoinUrl.Trim().Length > 0 ? setup.OnlineJoinUrl : null;
        return IcsCalendar.ForEvent(item, fields, setup, IcsCalendar.RegistrationUid(owner.Name, registration.Id, UidHost), urls.Absolute(owner, type.PublicUrl(item.Slug)),
            joinUrl: join, organizerName: owner.OperatorName.Length > 0 ? owner.OperatorName : owner.SiteName);
    }
}

/// <summary>
/// "Ajouter à mon agenda" (<c>/evenements/{slug}.ics</c>) and the subscribable feed (<c>/evenements.ics</c>): a region's
/// published events, or on the hub the regions' shared ones (through their copies, each with its region's UID, page
/// and status). The feed keeps events that ended less than <see cref="FeedKeepsPastDays"/> days ago, so a subscribed
/// calendar does not lose an event the day after it. Both answer with an ETag and a short public cache.
/// </summary>
public static class EventCalendarEndpoints
{
    public const string FeedPath = "/evenements.ics";
    public const int FeedKeepsPastDays = 30;
    public const string CacheControl = "public, max-age=300";

    public static FeedLink FeedLink(string pathBase, TenantInfo tenant)
        => new($"Événements – {tenant.SiteName} (iCalendar)", "text/calendar", pathBase + FeedPath);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/evenements/{slug}.ics", [HttpMethods.Get, HttpMethods.Head], EventFileAsync).ExcludeFromDescription();
        endpoints.MapMethods(FeedPath, [HttpMethods.Get, HttpMethods.Head], FeedAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> EventFileAsync(string slug, HttpContext http, ContentPublicLookup lookup, EventType type, EventsDbContext events,
        EventCalendar calendar, TenantContext tenantContext, TimeProvider clock)
    {
        var found = await lookup.FindAsync(type, slug, http.RequestAborted);
        if (found.RedirectSlug is { } current)
            return Results.Redirect((http.Request.PathBase.Value ?? "") + type.PublicUrl(Uri.EscapeDataString(current)) + ".ics", permanent: true);
        if (found.Item is not { } item) return Results.NotFound();
        var setup = await events.Setups.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == item.Id, http.RequestAborted);
        var tenant = tenantContext.Required;
        var etag = ETag(tenant.Name, http.Request.PathBase.Value, $"{item.Id}:{item.Version}:{setup?.Status}:{setup?.Version}");
        Headers(http, etag);
        if (ConditionalGet.NotModified(http.Request, etag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = item.Slug + ".ics" }.ToString();
        var entry = calendar.PublicEntry(tenant, item, type.Read(item), setup);
        return Results.Bytes(IcsCalendar.WriteBytes([entry], clock.GetUtcNow().UtcDateTime), IcsCalendar.ContentType);
    }

    private static async Task<IResult> FeedAsync(HttpContext http, EventCatalog catalog, EventType type, EventCalendar calendar, TenantContext tenantContext,
        TenantCatalog tenants, IMemoryCache cache)
    {
        var tenant = tenantContext.Required;
        var snapshot = await catalog.SnapshotAsync(http.RequestAborted);
        var statuses = await catalog.StatusesAsync(snapshot, http.RequestAborted);
        var from = catalog.NowUtc.AddDays(-FeedKeepsPastDays);
        var cards = snapshot.Items
            .Where(c => c.FieldsAs<EventFields>().EndUtc > from && (c.Item.OriginTenant is null || tenants.Find(c.Item.OriginTenant) is not null))
            .OrderBy(c => c.FieldsAs<EventFields>().StartUtc).ThenBy(c => c.Item.OriginTenant ?? "", StringComparer.Ordinal).ThenBy(c => c.Item.OriginId ?? c.Item.Id)
            .ToList();

        // What the feed says changes with the items, their statuses, the day (events leave it) and the address it is served at.
        var state = new StringBuilder().Append(catalog.NowUtc.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)).Append('|').Append(tenant.SiteName);
        foreach (var c in cards)
        {
            var s = statuses[c.Item.Id];
            state.Append('|').Append(c.Item.OriginTenant).Append(':').Append(c.Item.Id).Append(':').Append(c.Item.Version).Append(':').Append(s.Status).Append(':').Append(s.Version);
        }
        var etag = ETag(tenant.Name, http.Request.PathBase.Value, state.ToString());
        Headers(http, etag);
        if (ConditionalGet.NotModified(http.Request, etag)) return Results.StatusCode(StatusCodes.Status304NotModified);

        var body = await cache.GetOrCreateAsync("events:feed:" + etag, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            var entries = cards.Select(c =>
            {
                var owner = c.Item.OriginTenant is { } origin ? tenants.Find(origin)! : tenant;
                return calendar.PublicEntry(owner, c.Item, c.FieldsAs<EventFields>(), statuses[c.Item.Id].AsSetup());
            });
            var name = tenant.IsHub ? $"Événements des régions – {tenant.SiteName}" : $"Événements – {tenant.SiteName}";
            return Task.FromResult(IcsCalendar.WriteBytes(entries, catalog.NowUtc, name));
        });
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = "evenements.ics" }.ToString();
        return Results.Bytes(body!, IcsCalendar.ContentType);
    }

    /// <summary>Weak: two answers with the same tag say the same thing, though their DTSTAMP may differ.</summary>
    private static string ETag(string tenant, string? pathBase, string state)
        => ConditionalGet.ETagOf(tenant + "|" + pathBase + "|" + state, weak: true);

    private static void Headers(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = CacheControl;
        http.Response.Headers.XContentTypeOptions = "nosniff";
    }
}
