using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Services;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Modules.Media.Services;

namespace Network.Modules.Events.Pages.Evenements;

/// <summary>
/// A published event of the tenant: dates in Paris time, place or "en ligne", accessibility, the programme with its
/// rooms, speakers and the seats left in each workshop, the state badge and the way in ("S'inscrire" while registration
/// is open, the waitlist when full), "Ajouter à mon agenda" and its schema.org Event. A visit only reads: it never
/// creates the event's setup. Old addresses answer 301; drafts and other tenants' events 404.
/// </summary>
public sealed class EventDetailModel(
    ContentPublicLookup lookup,
    EventsDbContext events,
    EventType type,
    TenantContext tenantContext,
    TenantUrls urls,
    TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    public EventView Event { get; private set; } = null!;
    public DateTime NowUtc { get; private set; }
    public bool CanRegister { get; private set; }
    public string PageUrl { get; private set; } = "";
    public string JsonLd { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await lookup.FindAsync(type, Slug, cancellationToken);
        if (found.RedirectSlug is { } current)
            return RedirectPermanent((Request.PathBase.Value ?? "") + type.PublicUrl(Uri.EscapeDataString(current)));
        if (found.Item is null) return NotFound();
        var item = found.Item;
        var fields = type.Read(item);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var setup = await events.Setups.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == item.Id, cancellationToken) ?? new EventSetup { EventId = item.Id };
        var seats = await events.SeatCounters.AsNoTracking().Where(c => c.EventId == item.Id).ToDictionaryAsync(c => c.SessionKey, c => c.Taken, cancellationToken);
        var state = EventPhase.Of(true, fields, setup, seats.GetValueOrDefault(""), NowUtc);
        Event = new EventView(item, fields, setup, seats, state);
        CanRegister = EventPhase.CanRegister(state, fields, NowUtc);

        var tenant = tenantContext.Required;
        PageUrl = (Request.PathBase.Value ?? "") + type.PublicUrl(Uri.EscapeDataString(item.Slug));
        var absolute = urls.Absolute(tenant, type.PublicUrl(item.Slug));
        var imageUrl = fields.Image is { } image ? MediaUrls.AbsoluteSingle(urls, tenant, image) : null;
        JsonLd = EventJsonLd.Build(item, fields, state, tenant, absolute, absolute + "/inscription", urls.Absolute(tenant, "/"), imageUrl, NowUtc);
        ViewData["Title"] = item.Title;
        ViewData[ThemeViewData.Description] = item.Summary;
        if (imageUrl is not null) ViewData[ThemeViewData.SocialImage] = imageUrl;
        ViewData[ThemeViewData.BreadcrumbParents] = new[] { new KeyValuePair<string, string>("Événements", type.PublicPath) };
        return Page();
    }
}
