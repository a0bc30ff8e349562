using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Core.Mail;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Mail.Composition;
using Network.Modules.Mail.Data;
using Network.Modules.Mail.Services;

namespace Network.Modules.Mail.Pages.Admin;

/// <summary>The network's outbox: what waits, what was sent, what failed and why; retry and test sending.</summary>
[RequireNetworkAdministrator]
public sealed class CourrielsModel(
    MailDbContext db,
    MailOutboxStore store,
    MailOutboxSignal signal,
    IMailOutbox outbox,
    MailComposer composer,
    TenantContext tenantContext,
    TimeProvider time,
    IStringLocalizer T) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Status filter in the query string: en-attente, envoyes, echecs (none: all).</summary>
    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Statut { get; set; }

    /// <summary>Page number ("page" is reserved by Razor Pages routing).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(Name = "adresse")]
    public string? TestAddress { get; set; }

    public string? TestAddressError { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public bool NoticeIsError { get; set; }

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];
    public int PendingCount { get; private set; }
    public int SentCount { get; private set; }
    public int FailedCount { get; private set; }
    public int FilteredCount { get; private set; }
    public int PageCount { get; private set; }

    public static readonly IReadOnlyList<(string? Value, string Label)> Filters =
        [(null, "Tous"), ("en-attente", "En attente"), ("envoyes", "Envoyés"), ("echecs", "Échecs")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!tenantContext.Required.IsHub) return NotFound();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        if (!tenantContext.Required.IsHub) return NotFound();
        if (await store.RetryNowAsync(id, time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            signal.Notify();
            Notice = T["Nouvelle tentative d'envoi du courriel n° {0} programmée.", id];
            NoticeIsError = false;
        }
        else
        {
            Notice = T["Le courriel n° {0} ne peut pas être relancé : il est introuvable, déjà envoyé ou en cours d'envoi.", id];
            NoticeIsError = true;
        }
        return RedirectToPage(new { statut = Statut, p = PageNumber });
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        if (!tenant.IsHub) return NotFound();
        var address = TestAddress?.Trim() ?? "";
        if (address.Length == 0)
            TestAddressError = T["Saisissez l'adresse électronique du destinataire."];
        else if (!OutgoingMailRules.IsRecipientAddress(address) || address.Length > 254)
            TestAddressError = T["Saisissez une adresse électronique valide, par exemple nom@exemple.fr."];
        if (TestAddressError is not null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var mail = composer.Create(tenant, address, culture: System.Globalization.CultureInfo.CurrentUICulture.Name)
            .Subject("Courriel de test de {0}", tenant.SiteName)
            .Paragraph("Ce courriel de test a été demandé depuis l'administration du réseau. S'il vous parvient, l'envoi des courriels fonctionne.")
            .Link("Ouvrir la file d'envoi des courriels", "/admin/courriels")
            .Build();
        await outbox.EnqueueAsync(mail, cancellationToken);
        Notice = T["Courriel de test ajouté à la file d'envoi pour {0}.", address];
        NoticeIsError = false;
        return RedirectToPage(new { statut = Statut, p = 1 });
    }

    public string PageUrl(int page, string? statut) => Url.Page("Courriels", new { statut, p = page == 1 ? (int?)null : page })!;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var counts = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => m.SentUtc != null ? 0 : m.NextAttemptUtc != null ? 1 : 2)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        SentCount = counts.FirstOrDefault(c => c.Status == 0)?.Count ?? 0;
        PendingCount = counts.FirstOrDefault(c => c.Status == 1)?.Count ?? 0;
        FailedCount = counts.FirstOrDefault(c => c.Status == 2)?.Count ?? 0;

        if (Filters.All(f => f.Value != Statut)) Statut = null;
        var query = db.OutboxMessages.AsNoTracking();
        query = Statut switch
        {
            "en-attente" => query.Where(m => m.SentUtc == null && m.NextAttemptUtc != null),
            "envoyes" => query.Where(m => m.SentUtc != null),
            "echecs" => query.Where(m => m.SentUtc == null && m.NextAttemptUtc == null),
            _ => query,
        };
        FilteredCount = Statut switch { "en-attente" => PendingCount, "envoyes" => SentCount, "echecs" => FailedCount, _ => PendingCount + SentCount + FailedCount };
        PageCount = Math.Max(1, (FilteredCount + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Messages = await query.OrderByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
    }
}
