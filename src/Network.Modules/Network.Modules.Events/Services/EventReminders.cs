using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Network.Core.Data;
using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Events.Data;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Events.Services;

/// <summary>
/// Sends the reminder of the tenant's events whose time has come (<see cref="EventSetup.ReminderDaysBefore"/> days
/// before the start, and the event not begun): one mail per registration confirmed (with a verified address) before
/// that time. Each
/// registration is marked (<see cref="EventRegistration.ReminderSentUtc"/>, by a conditional UPDATE that only one run
/// can win) in the same tenant transaction as its mail is queued, so a reminder goes out once whatever the number
/// of runs, processes or restarts.
/// </summary>
public sealed class EventReminders(
    EventsDbContext db,
    ContentDbContext content,
    EventType type,
    EventCalendar calendar,
    DatabaseSession session,
    IMailOutbox outbox,
    MailComposer composer,
    TenantContext tenantContext,
    TimeProvider clock)
{
    /// <returns>How many reminders were queued.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var setups = await db.Setups.AsNoTracking()
            .Where(s => s.ReminderDaysBefore > 0 && s.Status == EventStatus.Scheduled).ToListAsync(cancellationToken);
        if (setups.Count == 0) return 0;
        var ids = setups.Select(s => s.EventId).ToList();
        var items = await content.Items.AsNoTracking()
            .Where(i => ids.Contains(i.Id) && i.ContentType == EventType.TypeName && i.OriginTenant == null && i.Status == ContentStatus.Published)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var item in items)
        {
            var setup = setups.First(s => s.EventId == item.Id);
            var fields = type.Read(item);
            var dueUtc = fields.StartUtc.AddDays(-setup.ReminderDaysBefore);
            if (now < dueUtc || now >= fields.StartUtc) continue;
            // Someone confirmed after the reminder's time has just had the confirmation mail, with the same facts: no reminder.
            var due = await db.Registrations.AsNoTracking()
                .Where(r => r.EventId == item.Id && r.Status == RegistrationStatus.Confirmed && r.ReminderSentUtc == null
                    && r.AddressVerifiedUtc != null && r.AnonymisedUtc == null && r.ConfirmedUtc < dueUtc)
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
            foreach (var registrationId in due)
                if (await SendAsync(item, fields, setup, registrationId, now, cancellationToken)) sent++;
        }
        return sent;
    }

    private async Task<bool> SendAsync(ContentItem item, EventFields fields, EventSetup setup, int registrationId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        // Only the run that sets the mark sends: another run (or process) finds it set and does nothing.
        var marked = await db.Registrations
            .Where(r => r.Id == registrationId && r.ReminderSentUtc == null && r.Status == RegistrationStatus.Confirmed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentUtc, now), cancellationToken);
        if (marked == 0) return false;
        var registration = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == registrationId, cancellationToken);
        var workshops = await db.WorkshopChoices.AsNoTracking()
            .Where(c => c.RegistrationId == registrationId && c.Status == WorkshopChoiceStatus.Confirmed)
            .Select(c => c.SessionKey).ToListAsync(cancellationToken);
        await outbox.EnqueueAsync(Reminder(item, fields, setup, registration, workshops), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private OutgoingMail Reminder(ContentItem item, EventFields fields, EventSetup setup, EventRegistration registration, IReadOnlyList<string> workshopKeys)
    {
        var tenant = tenantContext.Required;
        var draft = composer.Create(tenant, registration.Email, registration.FullName.Length > 0 ? registration.FullName : null, registration.Culture);
        var culture = draft.Culture;
        var start = ParisTime.FromUtc(fields.StartUtc);
        var end = ParisTime.FromUtc(fields.EndUtc);
        string Time(DateTime local) => local.ToString(culture.TwoLetterISOLanguageName == "fr" ? "H' h 'mm" : "h:mm tt", culture);
        draft.Subject("Rappel : {0}, le {1}", item.Title, start.ToString("d MMMM yyyy", culture))
            .Paragraph("Votre inscription à « {0} » est confirmée. Voici de quoi préparer votre venue.", item.Title);
        if (start.Date == end.Date)
            draft.Paragraph("Quand : le {0}, de {1} à {2} (heure de Paris).", start.ToString("dddd d MMMM yyyy", culture), Time(start), Time(end));
        else
            draft.Paragraph("Quand : du {0}, {1} au {2}, {3} (heure de Paris).", start.ToString("d MMMM yyyy", culture), Time(start), end.ToString("d MMMM yyyy", culture), Time(end));
        if (fields.Online)
        {
            if (setup.OnlineJoinUrl.Trim().Length > 0) draft.Paragraph("En ligne. Lien de connexion : {0}", setup.OnlineJoinUrl.Trim());
            else draft.Paragraph("En ligne : le lien de connexion vous sera envoyé avant le début.");
        }
        else draft.Paragraph("Où : {0}", IcsCalendar.Location(fields));
        var workshops = fields.Sessions.Where(s => workshopKeys.Contains(s.Key)).OrderBy(s => s.StartUtc).ToList();
        if (workshops.Count > 0)
            draft.Paragraph("Vos ateliers : {0}.", string.Join(" ; ", workshops.Select(s => $"{s.Title} ({Time(ParisTime.FromUtc(s.StartUtc))})")));
        if (!fields.Online && fields.AccessibilityInfo.Trim().Length > 0)
            draft.Paragraph("Accessibilité du lieu : {0}", Network.Core.Text.SafeMarkdown.ToPlainText(fields.AccessibilityInfo));
        draft.Paragraph("Si vous ne pouvez plus venir, annulez votre inscription avec le lien personnel reçu à l'inscription : votre place ira à la première personne en liste d'attente.")
            .Link("Voir le programme", type.PublicUrl(Uri.EscapeDataString(item.Slug)));
        var file = IcsCalendar.WriteBytes([calendar.RegistrationEntry(tenant, item, fields, setup, registration)], clock.GetUtcNow().UtcDateTime);
        return draft.Build() with { Attachments = [new MailAttachment(item.Slug + ".ics", IcsCalendar.ContentType, file)] };
    }
}

/// <summary>
/// Runs <see cref="EventReminders"/> in every running tenant with events, at start-up and then every
/// <see cref="Interval"/>: a reminder is late by at most that much, and a site stopped at the due time sends it when it
/// starts again (the marks are in the database).
/// </summary>
public sealed class EventReminderJob(TenantCatalog catalog, TenantScopeFactory scopes, TenantActivator activator, ILogger<EventReminderJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await SweepAsync(stoppingToken, throwOnError: false);
            try { await Task.Delay(Interval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Every running tenant with the Events module; a failing tenant is logged and retried at the next sweep.</summary>
    /// <returns>How many reminders were queued.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default, bool throwOnError = true)
    {
        var sent = 0;
        foreach (var tenant in catalog.All.Where(t => t.State == TenantState.Running && t.IsEnabled(EventsModule.ModuleId)))
        {
            try
            {
                await activator.EnsureActivatedAsync(tenant);
                await using var scope = scopes.CreateScope(tenant);
                var count = await scope.ServiceProvider.GetRequiredService<EventReminders>().SendDueAsync(cancellationToken);
                if (count > 0) logger.LogInformation("Queued {Count} event reminder(s) in {Tenant}", count, tenant.Name);
                sent += count;
            }
            catch (Exception ex) when (!throwOnError && ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Event reminders of {Tenant} failed; they will be retried", tenant.Name);
            }
        }
        return sent;
    }
}
