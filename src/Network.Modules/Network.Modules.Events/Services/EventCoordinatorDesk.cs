using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Network.Core.Data;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Events.Data;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Events.Services;

/// <summary>Who a coordinator's message goes to.</summary>
public enum MessageAudience
{
    /// <summary>Those holding a seat.</summary>
    Confirmed,
    /// <summary>Those holding a seat and those waiting for one.</summary>
    ConfirmedAndWaitlisted,
}

/// <summary>The outcome of a coordinator's action on an event.</summary>
/// <param name="Field">The input the refusal is about ("Note", "Subject", "Body"), "" for the whole action.</param>
/// <param name="Notified">How many registrants were mailed (0 for an action already done: a second click sends nothing).</param>
public sealed record EventActionResult(bool Succeeded, bool NotFound, bool AlreadyDone, string Field, string? Error, int Notified)
{
    public static EventActionResult Missing() => new(false, true, false, "", null, 0);
    public static EventActionResult Refused(string field, string error) => new(false, false, false, field, error, 0);
    public static EventActionResult Done(int notified) => new(true, false, false, "", null, notified);
    public static EventActionResult Again() => new(true, false, true, "", null, 0);
}

/// <summary>
/// What coordinators do to a published event after the fact: cancel it, postpone it, announce its new date, and write
/// to its registrants. Each action changes the event and queues one mail per registrant (in the registrant's language,
/// through the outbox) and its audit entry in ONE tenant transaction; a repeated action (double click, second tab,
/// replayed form) finds it done and sends nothing again.
/// </summary>
public sealed class EventCoordinatorDesk(
    EventsDbContext db,
    EventSetups setups,
    DatabaseSession session,
    TenantContext tenantContext,
    IMailOutbox outbox,
    MailComposer composer,
    TenantGenerations generations,
    TimeProvider clock)
{
    public const int SubjectMaxLength = 150;
    public const int BodyMaxLength = 10_000;

    /// <summary>The same message again within this delay (a double click, a replayed form) is not sent twice.</summary>
    public static readonly TimeSpan DuplicateMessageWindow = TimeSpan.FromMinutes(30);

    private static readonly RegistrationStatus[] Registered = [RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted];

    public Task<EventActionResult> CancelAsync(int eventId, string? note, EventActor actor, CancellationToken cancellationToken = default)
        => ChangeStatusAsync(eventId, EventStatus.Cancelled, note, actor, cancellationToken);

    public Task<EventActionResult> PostponeAsync(int eventId, string? note, EventActor actor, CancellationToken cancellationToken = default)
        => ChangeStatusAsync(eventId, EventStatus.Postponed, note, actor, cancellationToken);

    /// <summary>A postponed event is held again (at the dates its editor now shows): registrants are told the new date.</summary>
    public Task<EventActionResult> ResumeAsync(int eventId, string? note, EventActor actor, CancellationToken cancellationToken = default)
        => ChangeStatusAsync(eventId, EventStatus.Scheduled, note, actor, cancellationToken);

    /// <summary>The statuses an event may move to <paramref name="target"/> from: a cancellation is final.</summary>
    public static IReadOnlyList<EventStatus> From(EventStatus target) => target switch
    {
        EventStatus.Cancelled => [EventStatus.Scheduled, EventStatus.Postponed],
        EventStatus.Postponed => [EventStatus.Scheduled],
        _ => [EventStatus.Postponed],
    };

    private async Task<EventActionResult> ChangeStatusAsync(int eventId, EventStatus target, string? note, EventActor actor, CancellationToken cancellationToken)
    {
        note = Text(note);
        if (note.Length == 0 || note.Length > EventRules.NoteMaxLength)
            return EventActionResult.Refused("Note", target switch
            {
                EventStatus.Cancelled => $"Indiquez la raison de l'annulation ({EventRules.NoteMaxLength} caractères au plus) : elle est envoyée aux inscrits.",
                EventStatus.Postponed => $"Indiquez la raison du report et, si elle est connue, la nouvelle date ({EventRules.NoteMaxLength} caractères au plus) : elle est envoyée aux inscrits.",
                _ => $"Indiquez le message qui accompagne la nouvelle date ({EventRules.NoteMaxLength} caractères au plus) : il est envoyé aux inscrits.",
            });
        var view = await setups.FindAsync(eventId, cancellationToken);
        if (view is null) return EventActionResult.Missing();
        // Already done (a second click, another tab): nothing changes and nothing is sent again.
        if (view.Setup.Status == target) return EventActionResult.Again();
        if (!view.Item.IsPublic)
            return EventActionResult.Refused("", "L'événement n'est pas publié : il n'a pas d'inscrits à prévenir. Modifiez ou archivez le brouillon.");
        if (!From(target).Contains(view.Setup.Status))
            return EventActionResult.Refused("", view.Setup.Status == EventStatus.Cancelled
                ? "L'événement est annulé : une annulation est définitive."
                : "Cette action n'est pas possible dans l'état actuel de l'événement.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (view.State == EventState.Past)
            return EventActionResult.Refused("", "L'événement est terminé : il ne peut plus être annulé ni reporté.");
        if (target == EventStatus.Scheduled && view.Fields.EndUtc <= now)
            return EventActionResult.Refused("", "Les dates de l'événement sont passées : indiquez d'abord les nouvelles dates dans l'éditeur.");

        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var allowed = From(target).ToList();
        // One conditional UPDATE: of two simultaneous clicks, one changes the status and mails, the other finds it done.
        var changed = await db.Setups
            .Where(s => s.EventId == eventId && allowed.Contains(s.Status))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, target)
                .SetProperty(x => x.StatusNote, note)
                .SetProperty(x => x.StatusChangedUtc, now)
                .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        if (changed == 0) return EventActionResult.Again();

        var tenant = tenantContext.Required;
        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && Registered.Contains(r.Status))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var registration in registrations)
            await outbox.EnqueueAsync(StatusMail(tenant, view, target, note, registration), cancellationToken);
        var (action, what) = target switch
        {
            EventStatus.Cancelled => (EventAuditActions.EventCancelled, "Événement annulé"),
            EventStatus.Postponed => (EventAuditActions.EventPostponed, "Événement reporté"),
            _ => (EventAuditActions.EventRescheduled, "Événement reprogrammé"),
        };
        EventAuditLog.Add(db, clock, actor, eventId, null, action, $"{what} ; {registrations.Count} inscrit(s) prévenu(s). {note}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The event's public state changed: cached fragments (lists, home block, the hub's copies) follow.
        generations.Advance(tenant.Name);
        return EventActionResult.Done(registrations.Count);
    }

    /// <summary>
    /// Writes to the event's registrants (those holding a seat, and those waiting if asked). The same message again
    /// within <see cref="DuplicateMessageWindow"/> is recognised by its fingerprint in the log and not sent twice.
    /// </summary>
    public async Task<EventActionResult> MessageAsync(int eventId, string? subject, string? body, MessageAudience audience, EventActor actor, CancellationToken cancellationToken = default)
    {
        subject = string.Join(' ', (subject ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        body = Text(body);
        if (subject.Length == 0) return EventActionResult.Refused("Subject", "Indiquez l'objet du message.");
        if (subject.Length > SubjectMaxLength) return EventActionResult.Refused("Subject", $"L'objet compte {SubjectMaxLength} caractères au plus.");
        if (body.Length == 0) return EventActionResult.Refused("Body", "Écrivez le message.");
        if (body.Length > BodyMaxLength) return EventActionResult.Refused("Body", $"Le message compte {BodyMaxLength} caractères au plus.");
        if (!Enum.IsDefined(audience)) return EventActionResult.Refused("Audience", "Choisissez les destinataires.");
        var view = await setups.FindAsync(eventId, cancellationToken);
        if (view is null) return EventActionResult.Missing();
        if (!view.Item.IsPublic) return EventActionResult.Refused("", "L'événement n'est pas publié : il n'a pas d'inscrits.");

        var now = clock.GetUtcNow().UtcDateTime;
        var fingerprint = Fingerprint(subject, body, audience);
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        // Taking the setup row's write lock first makes the duplicate check below race-free between two simultaneous posts.
        await db.Setups.Where(s => s.EventId == eventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        var since = now - DuplicateMessageWindow;
        var marker = $"[{fingerprint}]";
        if (await db.AuditEntries.AnyAsync(e => e.EventId == eventId && e.Action == EventAuditActions.MessageSent && e.AtUtc >= since && e.Detail.StartsWith(marker), cancellationToken))
            return EventActionResult.Again();

        var statuses = audience == MessageAudience.Confirmed ? [RegistrationStatus.Confirmed] : Registered;
        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && statuses.Contains(r.Status))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (registrations.Count == 0)
            return EventActionResult.Refused("Audience", audience == MessageAudience.Confirmed
                ? "Personne n'a de place confirmée pour l'instant : aucun message n'est envoyé."
                : "L'événement n'a pas encore d'inscrits : aucun message n'est envoyé.");
        var tenant = tenantContext.Required;
        foreach (var registration in registrations)
            await outbox.EnqueueAsync(MessageMail(tenant, view, subject, body, registration), cancellationToken);
        var to = audience == MessageAudience.Confirmed ? "inscrits confirmés" : "inscrits confirmés et en liste d'attente";
        EventAuditLog.Add(db, clock, actor, eventId, null, EventAuditActions.MessageSent, $"{marker} « {subject} » envoyé à {registrations.Count} personne(s) ({to}).");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EventActionResult.Done(registrations.Count);
    }

    private OutgoingMail StatusMail(TenantInfo tenant, EventView view, EventStatus status, string note, EventRegistration registration)
    {
        var draft = composer.Create(tenant, registration.Email, registration.FullName, registration.Culture);
        var title = view.Item.Title;
        var when = EventText.Moment(view.Fields.StartUtc, draft.Culture);
        var waiting = registration.Status == RegistrationStatus.Waitlisted;
        switch (status)
        {
            case EventStatus.Cancelled:
                draft.Subject("Annulation : {0}", title)
                    .Heading("L'événement « {0} » est annulé", title)
                    .Paragraph("L'événement « {0} », prévu le {1} (heure de Paris), est annulé.", title, when)
                    .Paragraph("Message des organisateurs : {0}", note)
                    .Paragraph(waiting ? "Votre place sur la liste d'attente n'a plus d'objet : vous n'avez rien à faire." : "Votre inscription n'a plus d'objet : vous n'avez rien à faire.");
                break;
            case EventStatus.Postponed:
                draft.Subject("Report : {0}", title)
                    .Heading("L'événement « {0} » est reporté", title)
                    .Paragraph("L'événement « {0} », prévu le {1} (heure de Paris), est reporté.", title, when)
                    .Paragraph("Message des organisateurs : {0}", note)
                    .Paragraph(waiting ? "Vous restez sur la liste d'attente ; nous vous écrirons dès que la nouvelle date sera fixée." : "Votre inscription est conservée ; nous vous écrirons dès que la nouvelle date sera fixée.");
                break;
            default:
                draft.Subject("Nouvelle date : {0}", title)
                    .Heading("L'événement « {0} » a une nouvelle date", title)
                    .Paragraph("L'événement « {0} » aura lieu le {1} (heure de Paris).", title, when)
                    .Paragraph("Message des organisateurs : {0}", note)
                    .Paragraph(waiting ? "Vous restez sur la liste d'attente." : "Votre inscription est conservée. Si vous ne pouvez plus venir, annulez-la depuis le lien personnel de votre courriel de confirmation : votre place ira à une personne en attente.");
                break;
        }
        return draft.Link("Voir la page de l'événement", EventPath(view)).Build();
    }

    private OutgoingMail MessageMail(TenantInfo tenant, EventView view, string subject, string body, EventRegistration registration)
    {
        var draft = composer.Create(tenant, registration.Email, registration.FullName, registration.Culture)
            .Subject("{0} : {1}", view.Item.Title, subject)
            .Heading("{0}", subject)
            .Paragraph("Les organisateurs de « {0} » vous écrivent :", view.Item.Title);
        // The coordinator's own words, paragraph by paragraph, as values (never translated, never markup).
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            draft.Paragraph("{0}", paragraph);
        return draft.Link("Voir la page de l'événement", EventPath(view)).Build();
    }

    private static string EventPath(EventView view) => $"/evenements/{view.Item.Slug}";

    private static string Fingerprint(string subject, string body, MessageAudience audience)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{audience}\n{subject}\n{body}")))[..16];

    private static string Text(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();
}
