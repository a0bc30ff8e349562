using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Modules.Accounts.Services;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Admin.Evenements;

/// <summary>
/// <c>/admin/evenements/{id}/pilotage</c>: one event for its coordinators: its state, seats and waitlists (the event's
/// and each workshop's), and what they do after publication: write to the registrants, postpone the event, give it
/// its new date, cancel it (each mailed to every registrant and logged), with the event's log.
/// </summary>
[RequirePermission("ManageEvents")]
public sealed class EventPilotageModel(EventSetups setups, EventsDbContext db, EventCoordinatorDesk desk, TenantMembers members, IStringLocalizer T) : PageModel
{
    public const string AudienceConfirmed = "confirmes";
    public const string AudienceEveryone = "tous";

    public sealed record WorkshopRow(EventSession Session, int Taken, int Waiting);

    public EventView Event { get; private set; } = null!;
    public IReadOnlyDictionary<RegistrationStatus, int> Counts { get; private set; } = new Dictionary<RegistrationStatus, int>();
    public IReadOnlyList<WorkshopRow> Workshops { get; private set; } = [];
    public IReadOnlyList<EventAuditEntry> Log { get; private set; } = [];

    /// <summary>Every problem of the last post: (ModelState key, French message), for the summary at the top.</summary>
    public List<(string Key, string Message)> Errors { get; } = [];

    [BindProperty] public string? CancelNote { get; set; }
    [BindProperty] public bool ConfirmCancel { get; set; }
    [BindProperty] public string? PostponeNote { get; set; }
    [BindProperty] public string? ResumeNote { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Audience { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public int Registered => Counts.GetValueOrDefault(RegistrationStatus.Confirmed) + Counts.GetValueOrDefault(RegistrationStatus.Waitlisted);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
        => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken)
    {
        if (!ConfirmCancel)
        {
            AddError(nameof(ConfirmCancel), "Cochez la case pour confirmer l'annulation : elle est définitive et tous les inscrits sont prévenus.");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        return await ActAsync(id, nameof(CancelNote), actor => desk.CancelAsync(id, CancelNote, actor, cancellationToken),
            "L'événement est annulé ; {0} inscrit(s) prévenu(s) par courriel.", "L'événement était déjà annulé : personne n'a été prévenu une seconde fois.", cancellationToken);
    }

    public Task<IActionResult> OnPostPostponeAsync(int id, CancellationToken cancellationToken)
        => ActAsync(id, nameof(PostponeNote), actor => desk.PostponeAsync(id, PostponeNote, actor, cancellationToken),
            "L'événement est reporté ; {0} inscrit(s) prévenu(s) par courriel.", "L'événement était déjà reporté : personne n'a été prévenu une seconde fois.", cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(int id, CancellationToken cancellationToken)
        => ActAsync(id, nameof(ResumeNote), actor => desk.ResumeAsync(id, ResumeNote, actor, cancellationToken),
            "L'événement est reprogrammé ; {0} inscrit(s) prévenu(s) de la nouvelle date.", "L'événement était déjà reprogrammé : personne n'a été prévenu une seconde fois.", cancellationToken);

    public async Task<IActionResult> OnPostMessageAsync(int id, CancellationToken cancellationToken)
    {
        MessageAudience? audience = Audience switch
        {
            AudienceConfirmed => MessageAudience.Confirmed,
            AudienceEveryone => MessageAudience.ConfirmedAndWaitlisted,
            _ => null,
        };
        if (audience is null)
        {
            AddError(nameof(Audience), "Choisissez les destinataires : les inscrits confirmés, ou aussi la liste d'attente.");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        return await ActAsync(id, "", actor => desk.MessageAsync(id, Subject, Body, audience.Value, actor, cancellationToken),
            "Le message est envoyé à {0} personne(s) (par la file d'envoi des courriels).", "Ce message vient déjà d'être envoyé : il n'est pas envoyé une seconde fois.", cancellationToken);
    }

    private async Task<IActionResult> ActAsync(int id, string noteField, Func<EventActor, Task<EventActionResult>> act, string done, string again, CancellationToken cancellationToken)
    {
        var result = await act(await EventActor.OfAsync(User, members));
        if (result.NotFound) return NotFound();
        if (result.Succeeded)
        {
            Notice = result.AlreadyDone ? T[again] : T[done, result.Notified];
            return Redirect($"{Request.PathBase}/admin/evenements/{id}/pilotage");
        }
        AddError(result.Field switch { "Note" => noteField, "" => "", var field => field }, result.Error!);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private void AddError(string key, string message)
    {
        Errors.Add((key, message));
        ModelState.AddModelError(key, T[message]);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await setups.FindAsync(id, cancellationToken) is not { } view) return false;
        Event = view;
        Counts = await db.Registrations.AsNoTracking().Where(r => r.EventId == id)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var waiting = await db.WorkshopChoices.AsNoTracking().Where(c => c.EventId == id && c.Status == WorkshopChoiceStatus.Waitlisted)
            .GroupBy(c => c.SessionKey).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Workshops = view.Workshops.Select(w => new WorkshopRow(w, view.SeatsTaken.GetValueOrDefault(w.Key), waiting.GetValueOrDefault(w.Key))).ToList();
        Log = await db.AuditEntries.AsNoTracking().Where(e => e.EventId == id && e.RegistrationId == null)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(100).ToListAsync(cancellationToken);
        Audience ??= AudienceConfirmed;
        return true;
    }
}
