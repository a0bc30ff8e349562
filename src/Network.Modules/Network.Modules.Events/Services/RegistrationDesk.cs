using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Core.Data;
using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Events.Data;
using Network.Modules.Mail.Services;

namespace Network.Modules.Events.Services;

/// <summary>What a person typed in the registration form.</summary>
/// <param name="Answers">Question key → answer; unknown keys are ignored, empty answers dropped.</param>
/// <param name="Culture">The page's language: the mails' ("fr" or "en").</param>
public sealed record RegistrationRequest(string FullName, string Email, string Organisation, IReadOnlyList<string> Workshops,
    IReadOnlyDictionary<string, string> Answers, string Culture);

/// <summary>The signed-in account registering (its address is verified); null for a guest.</summary>
public sealed record Registrant(string UserId, string Email);

public enum RegistrationOutcome
{
    /// <summary>A new registration (or a cancelled one taken up again): see its status.</summary>
    Registered,
    /// <summary>The address already holds a registration for the event (double click, replay, second tab): nothing changed.</summary>
    AlreadyRegistered,
    /// <summary>No such event in this site (unknown id, unpublished, another tenant's).</summary>
    NotFound,
    /// <summary>Registration is not possible now (closed, cancelled, postponed, past): see the message.</summary>
    Refused,
    /// <summary>The form is wrong: see the errors.</summary>
    Invalid,
}

/// <summary>
/// A message for the person, as a French source text and its arguments, so pages translate it (<c>T[Text, Args]</c>);
/// <see cref="Message"/> is the French text.
/// </summary>
public sealed record Notice(string Field, string Text, params object[] Args)
{
    public string Message => Args.Length == 0 ? Text : string.Format(CultureInfo.CurrentCulture, Text, Args);
}

/// <param name="Token">The personal link's secret of a new registration (only then: only its hash is stored).</param>
/// <param name="WaitlistPosition">1 for the first person waiting.</param>
public sealed record RegistrationResult(RegistrationOutcome Outcome, EventRegistration? Registration = null, string? Token = null, int? WaitlistPosition = null,
    Notice? Refusal = null, IReadOnlyList<Notice>? Problems = null)
{
    public IReadOnlyList<Notice> Errors => Problems ?? [];
    public string? Message => Refusal?.Message;
}

/// <summary>A registration with its event and workshop choices, as its owner sees it.</summary>
public sealed record RegistrationView(EventRegistration Registration, EventView Event, IReadOnlyList<WorkshopChoice> Choices, int? WaitlistPosition,
    IReadOnlyDictionary<string, int> WorkshopPositions)
{
    public bool Active => Registration.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted;

    /// <summary>Workshops may be changed, and the registration cancelled, until the event starts (unless cancelled, postponed or past).</summary>
    public bool Changeable(DateTime nowUtc)
        => Active && Event.State is EventState.Scheduled or EventState.RegistrationFull && nowUtc < Event.Fields.StartUtc;

    /// <summary>The joining link of an online event: for a confirmed registrant only.</summary>
    public string? JoinUrl => Registration.Status == RegistrationStatus.Confirmed && Event.Fields.Online && Event.Setup.OnlineJoinUrl.Trim().Length > 0
        ? Event.Setup.OnlineJoinUrl.Trim()
        : null;
}

public enum ChangeOutcome { Done, NotFound, Refused, Invalid }

public sealed record ChangeResult(ChangeOutcome Outcome, Notice? Refusal = null, IReadOnlyList<Notice>? Problems = null)
{
    public IReadOnlyList<Notice> Errors => Problems ?? [];
    public string? Message => Refusal?.Message;
}

/// <summary>
/// Registration to an event, with an account or as a guest, and everything that moves seats afterwards: cancelling,
/// changing workshops, a guest's verification or expiry. Each change is ONE tenant transaction: seats are taken by one
/// conditional UPDATE per counter (<c>Taken = Taken + 1 WHERE Taken &lt; capacity</c>: never a seat more than the
/// capacity under concurrency; no row → the waitlist), a freed seat goes at once to the first person waiting (by
/// waitlisting time then id), and the mails this causes are queued in the outbox inside the same transaction.
/// </summary>
public sealed class RegistrationDesk(
    EventsDbContext db,
    EventSetups setups,
    DatabaseSession session,
    IMailOutbox outbox,
    RegistrationMails mails,
    RegistrationGate gate,
    RegistrationBatcher batcher,
    TenantContext tenantContext,
    IOptions<RegistrationOptions> options,
    TimeProvider clock)
{
    // Accented answers stay readable in the database (and in the attendee exports).
    private static readonly JsonSerializerOptions AnswersJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Waits for this tenant's registration transactions of this process ahead of us (see <see cref="RegistrationGate"/>).</summary>
    private Task<IAsyncDisposable> QueueAsync(CancellationToken cancellationToken) => gate.EnterAsync(tenantContext.Required.Name, cancellationToken);

    public async Task<RegistrationResult> RegisterAsync(int eventId, RegistrationRequest request, Registrant? account, CancellationToken cancellationToken = default)
    {
        var view = await setups.FindAsync(eventId, cancellationToken);
        if (view is null) return new(RegistrationOutcome.NotFound);
        return await RegisterAsync(view, request, account);
    }

    /// <summary>
    /// Registers to an event the caller has just read (the registration page reads it to show the form): its state and
    /// programme are checked here; the seats, in the transaction.
    /// </summary>
    public async Task<RegistrationResult> RegisterAsync(EventView view, RegistrationRequest request, Registrant? account)
    {
        if (view.State == EventState.Draft) return new(RegistrationOutcome.NotFound);
        if (Refusal(view, Now) is { } refusal) return new(RegistrationOutcome.Refused, Refusal: refusal);

        var email = (account?.Email ?? request.Email ?? "").Trim();
        var problems = Validate(view, request, email, out var workshops, out var answersJson);
        if (problems.Count > 0) return new(RegistrationOutcome.Invalid, Problems: problems);
        var normalized = email.ToUpperInvariant();
        var culture = (request.Culture ?? "").StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "fr";

        return await batcher.RunAsync(tenantContext.Required.Name, this,
            desk => desk.RecordAsync(view, request, account, email, normalized, culture, workshops, answersJson));
    }

    /// <summary>
    /// Records a batch of registrations (see <see cref="RegistrationBatcher"/>) in ONE tenant transaction, each in its
    /// savepoint: one that throws is undone and reported alone; the others commit together, with their mails. The
    /// caller holds the tenant's <see cref="RegistrationGate"/>.
    /// </summary>
    internal async Task RecordBatchAsync(IReadOnlyList<Func<RegistrationDesk, Task<RegistrationResult>>> registrations,
        Action<int, RegistrationResult> recorded, Action<int, Exception> failed)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(CancellationToken.None);
        _lastWaitlisted = null;
        var queued = _batchMails = [];
        var results = new RegistrationResult?[registrations.Count];
        for (var i = 0; i < registrations.Count; i++)
        {
            var registration = registrations[i];
            var queuedBefore = queued.Count;
            try
            {
                results[i] = await transaction.InSavepointAsync("registration", () => registration(this));
            }
            catch (Exception error)
            {
                // Its savepoint is undone, and with it any place in line it took and the mail it queued.
                _lastWaitlisted = null;
                queued.RemoveRange(queuedBefore, queued.Count - queuedBefore);
                failed(i, error);
            }
            finally
            {
                // Each registration saved its rows; what a failed one left tracked must not reach the next one's save.
                db.ChangeTracker.Clear();
            }
        }
        _batchMails = null;
        // The batch's mails in one write, committed with their registrations (a failure here fails the whole batch).
        await outbox.EnqueueAllAsync(queued, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        for (var i = 0; i < results.Length; i++)
            if (results[i] is { } result) recorded(i, result);
    }

    /// <summary>One registration inside the batch's transaction (the request was validated by the caller).</summary>
    private async Task<RegistrationResult> RecordAsync(EventView view, RegistrationRequest request, Registrant? account, string email, string normalized,
        string culture, List<string> workshops, string answersJson)
    {
        var cancellationToken = CancellationToken.None;
        var eventId = view.Id;
        // The time is read once the batch holds the write lock, in the batch's order, so the waitlist's order (by time
        // then id) is the order in which registrations were recorded.
        // The batch's transaction holds the write lock already (BEGIN IMMEDIATE): only counters the event did not have
        // when it was read need creating (counters are never deleted).
        await EnsureCountersAsync(eventId, new[] { "" }.Concat(workshops).Where(key => !view.SeatsTaken.ContainsKey(key)), cancellationToken);
        var now = Now;
        var registration = await RegistrationOfAsync(eventId, normalized, cancellationToken);
        if (registration is { Status: RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted })
            return new(RegistrationOutcome.AlreadyRegistered, registration, WaitlistPosition: await PositionAsync(registration, cancellationToken));

        var (token, hash) = RegistrationTokens.New();
        // A cancelled or expired registration of the same address is taken up again (one row per address and event).
        var takenUp = registration is not null;
        registration ??= new EventRegistration { EventId = eventId, CreatedUtc = now };
        registration.UserId = account?.UserId;
        registration.Email = email;
        registration.NormalizedEmail = normalized;
        registration.FullName = request.FullName.Trim();
        registration.Organisation = (request.Organisation ?? "").Trim();
        registration.Culture = culture;
        registration.UpdatedUtc = now;
        registration.AddressVerifiedUtc = account is null ? null : now;
        registration.VerifyByUtc = account is null ? now.AddHours(Math.Max(1, options.Value.GuestVerificationHours)) : null;
        registration.CancelledUtc = null;
        registration.ConfirmedUtc = null;
        registration.WaitlistedUtc = null;
        registration.TokenHash = hash;
        registration.AnswersJson = answersJson;
        registration.AnswersDeletedUtc = null;
        registration.ReminderSentUtc = null;
        registration.CheckedInUtc = null;
        registration.CheckedInByUserId = null;
        registration.Version++;

        if (await TryTakeSeatAsync(eventId, "", view.Fields.Capacity, cancellationToken))
        {
            registration.Status = RegistrationStatus.Confirmed;
            registration.ConfirmedUtc = now;
        }
        else
        {
            registration.Status = RegistrationStatus.Waitlisted;
            registration.WaitlistedUtc = now;
        }
        if (takenUp) await db.SaveChangesAsync(cancellationToken);
        else registration.Id = await InsertRegistrationAsync(registration, cancellationToken);

        var choices = new List<WorkshopChoice>();
        foreach (var key in workshops)
        {
            var choice = new WorkshopChoice { RegistrationId = registration.Id, EventId = eventId, SessionKey = key, CreatedUtc = now };
            // Someone waiting for the event holds no workshop seat: their choices wait too.
            if (registration.Status == RegistrationStatus.Confirmed && await TryTakeSeatAsync(eventId, key, WorkshopCapacity(view, key), cancellationToken))
                choice.Status = WorkshopChoiceStatus.Confirmed;
            else
            {
                choice.Status = WorkshopChoiceStatus.Waitlisted;
                choice.WaitlistedUtc = now;
            }
            await InsertChoiceAsync(choice, cancellationToken);
            choices.Add(choice);
        }
        await InsertAuditAsync(NewAuditEntry(eventId, registration.Id, account?.UserId, registration.FullName,
            registration.Status == RegistrationStatus.Confirmed ? EventAuditActions.Registered : EventAuditActions.Waitlisted,
            account is null ? "Inscription comme invité·e." : "Inscription avec un compte.", now), cancellationToken);

        var position = await NewWaitlistPositionAsync(registration, cancellationToken);
        // Queued with the batch's others after the last registration (RecordBatchAsync): one write for all. Checked
        // now, so that a message the outbox would refuse fails this registration alone.
        var mail = account is null
            ? mails.Verification(view, registration, token)
            : mails.Confirmation(view, registration, choices, token, position);
        OutgoingMailRules.Validate(mail);
        (_batchMails ?? throw new InvalidOperationException("A registration is recorded in a batch.")).Add(mail);
        return new(RegistrationOutcome.Registered, registration, token, position);
    }

    /// <summary>Why registering is impossible now (dates in the current culture), or null.</summary>
    public static Notice? Refusal(EventView view, DateTime nowUtc)
    {
        var f = view.Fields;
        return view.State switch
        {
            EventState.Cancelled => new("", "Cet événement est annulé : les inscriptions sont fermées."),
            EventState.Postponed => new("", "Cet événement est reporté : les inscriptions rouvriront avec sa nouvelle date."),
            EventState.Past => new("", "Cet événement est passé : les inscriptions sont fermées."),
            _ when nowUtc < f.RegistrationOpensUtc => new("", "Les inscriptions ouvriront le {0} (heure de Paris).", ParisTime.Format(f.RegistrationOpensUtc)),
            _ when nowUtc >= f.RegistrationClosesUtc => new("", "Les inscriptions sont closes depuis le {0} (heure de Paris).", ParisTime.Format(f.RegistrationClosesUtc)),
            _ => null,
        };
    }

    private static List<Notice> Validate(EventView view, RegistrationRequest request, string email, out List<string> workshops, out string answersJson)
    {
        var problems = new List<Notice>();
        var name = (request.FullName ?? "").Trim();
        if (name.Length == 0) problems.Add(new("FullName", "Indiquez vos prénom et nom."));
        else if (name.Length > EventRules.NameMaxLength) problems.Add(new("FullName", "{0} caractères au plus.", EventRules.NameMaxLength));
        if (!IsEmail(email)) problems.Add(new("Email", "Indiquez une adresse électronique valide, par exemple nom@exemple.fr."));
        if ((request.Organisation ?? "").Trim().Length > EventRules.OrganisationMaxLength) problems.Add(new("Organisation", "{0} caractères au plus.", EventRules.OrganisationMaxLength));

        workshops = WorkshopProblems(view, request.Workshops, problems);

        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in view.Fields.Questions)
        {
            var answer = (request.Answers.GetValueOrDefault(question.Key) ?? "").Trim();
            if (answer.Length == 0) continue;
            if (answer.Length > question.MaxLength) problems.Add(new("Answers." + question.Key, "« {0} » : {1} caractères au plus.", question.Label, question.MaxLength));
            else answers[question.Key] = answer;
        }
        answersJson = JsonSerializer.Serialize(answers, AnswersJson);
        if (answersJson.Length > EventRules.AnswersMaxLength) problems.Add(new("Answers", "Vos réponses sont trop longues."));
        return problems;
    }

    /// <summary>The chosen workshops (known, de-duplicated, in programme order), adding a problem for unknown keys and overlapping pairs.</summary>
    private static List<string> WorkshopProblems(EventView view, IReadOnlyList<string>? keys, List<Notice> problems)
    {
        var chosen = new List<EventSession>();
        foreach (var key in (keys ?? []).Select(k => (k ?? "").Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (view.Workshops.FirstOrDefault(s => s.Key == key) is { } session) chosen.Add(session);
            else problems.Add(new("Workshops", "Un des ateliers choisis n'existe pas dans le programme de cet événement."));
        }
        for (var i = 0; i < chosen.Count; i++)
            for (var j = i + 1; j < chosen.Count; j++)
                if (EventType.Overlap(chosen[i], chosen[j]))
                    problems.Add(new("Workshops", "Les ateliers « {0} » et « {1} » ont lieu en même temps : choisissez-en un seul.", chosen[i].Title, chosen[j].Title));
        return view.Fields.Sessions.Where(s => chosen.Contains(s)).Select(s => s.Key).ToList();
    }

    public static bool IsEmail(string email)
        => email.Length is > 0 and <= EventRules.EmailMaxLength && MailAddress.TryCreate(email, out var address) && address.Address == email
           && address.DisplayName.Length == 0 && address.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>The registration behind a personal link (never an expired or anonymised one), or null.</summary>
    public async Task<EventRegistration?> FindByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!RegistrationTokens.IsWellFormed(token)) return null;
        var hash = RegistrationTokens.Hash(token!);
        return await db.Registrations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.TokenHash == hash && r.Status != RegistrationStatus.Expired && r.AnonymisedUtc == null, cancellationToken);
    }

    public async Task<RegistrationView?> ViewAsync(EventRegistration registration, CancellationToken cancellationToken = default)
    {
        var view = await setups.FindAsync(registration.EventId, cancellationToken);
        if (view is null) return null;
        var choices = await db.WorkshopChoices.AsNoTracking().Where(c => c.RegistrationId == registration.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        if (registration.Status == RegistrationStatus.Confirmed)
            foreach (var choice in choices.Where(c => c.Status == WorkshopChoiceStatus.Waitlisted))
                positions[choice.SessionKey] = await WorkshopPositionAsync(choice, cancellationToken);
        return new RegistrationView(registration, view, choices, await PositionAsync(registration, cancellationToken), positions);
    }

    /// <summary>
    /// A guest opened the link of their mail: the address is verified (once), the registration no longer expires and
    /// the confirmation mail (with the calendar file when a seat is held) is sent with the same personal link.
    /// </summary>
    public async Task<EventRegistration?> VerifyAsync(string token, CancellationToken cancellationToken = default)
    {
        var found = await FindByTokenAsync(token, cancellationToken);
        if (found is null || found.AddressVerifiedUtc is not null || found.Status is not (RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted)) return found;
        var view = await setups.FindAsync(found.EventId, cancellationToken);
        if (view is null) return found;
        await using var queued = await QueueAsync(cancellationToken);
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var now = Now;
        var verified = await db.Registrations
            .Where(r => r.Id == found.Id && r.AddressVerifiedUtc == null && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.AddressVerifiedUtc, now)
                .SetProperty(r => r.VerifyByUtc, (DateTime?)null)
                .SetProperty(r => r.UpdatedUtc, now)
                .SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
        var registration = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == found.Id, cancellationToken);
        if (verified == 1)
        {
            var choices = await db.WorkshopChoices.AsNoTracking().Where(c => c.RegistrationId == registration.Id).ToListAsync(cancellationToken);
            await outbox.EnqueueAsync(mails.Confirmation(view, registration, choices, token, await PositionAsync(registration, cancellationToken)), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return registration;
    }

    /// <summary>Cancels a registration (by its owner): its seats go to the first people waiting, who are told by mail.</summary>
    public async Task<ChangeResult> CancelAsync(int registrationId, string actorUserId, string actorName, CancellationToken cancellationToken = default)
    {
        var found = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (found is null) return new(ChangeOutcome.NotFound);
        var view = await setups.FindAsync(found.EventId, cancellationToken);
        if (view is null) return new(ChangeOutcome.NotFound);
        if (view.State == EventState.Past) return new(ChangeOutcome.Refused, new Notice("", "L'événement est passé : l'inscription ne peut plus être annulée."));
        await using var queued = await QueueAsync(cancellationToken);
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var ended = await EndAsync(view, registrationId, RegistrationStatus.Cancelled, actorUserId, actorName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // A second click finds it cancelled already: the same answer, nothing changed.
        return ended || found.Status == RegistrationStatus.Cancelled ? new(ChangeOutcome.Done) : new(ChangeOutcome.Refused, new Notice("", "Cette inscription n'est plus active."));
    }

    /// <summary>
    /// Cancels (if still active) then removes the personal data of a registration, at its owner's request from their
    /// account: only the counts remain. The personal link stops working.
    /// </summary>
    public async Task<bool> DeleteAsync(int registrationId, string userId, string actorName, CancellationToken cancellationToken = default)
    {
        var found = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId && r.AnonymisedUtc == null, cancellationToken);
        if (found is null) return false;
        var view = await setups.FindAsync(found.EventId, cancellationToken);
        await using var queued = await QueueAsync(cancellationToken);
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        if (view is not null && view.State != EventState.Past)
            await EndAsync(view, registrationId, RegistrationStatus.Cancelled, userId, actorName, cancellationToken);
        var now = Now;
        var registration = await db.Registrations.FirstAsync(r => r.Id == registrationId, cancellationToken);
        RegistrationRetention.Anonymise(registration, now);
        await db.SaveChangesAsync(cancellationToken);
        await RegistrationRetention.ForgetOwnActionsAsync(db, registration.EventId, [registration.Id], cancellationToken);
        Audit(registration.EventId, registration.Id, userId, "", EventAuditActions.Anonymised, "Données personnelles supprimées à la demande de la personne.", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Replaces the workshops a registrant chose: dropped ones free their seat (given to the next person waiting), new ones take a seat or wait.</summary>
    public async Task<ChangeResult> ChangeWorkshopsAsync(int registrationId, IReadOnlyList<string> keys, string? actorUserId, string actorName, CancellationToken cancellationToken = default)
    {
        var found = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (found is null) return new(ChangeOutcome.NotFound);
        var view = await setups.FindAsync(found.EventId, cancellationToken);
        if (view is null) return new(ChangeOutcome.NotFound);
        var current = new RegistrationView(found, view, [], null, new Dictionary<string, int>());
        if (!current.Changeable(Now)) return new(ChangeOutcome.Refused, new Notice("", "Les ateliers de cette inscription ne peuvent plus être modifiés."));
        var problems = new List<Notice>();
        var wanted = WorkshopProblems(view, keys, problems);
        if (problems.Count > 0) return new(ChangeOutcome.Invalid, Problems: problems);

        await using var queued = await QueueAsync(cancellationToken);
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        await EnsureCountersAsync(view.Id, ["", .. wanted], cancellationToken);
        var now = Now;
        var registration = await db.Registrations.FirstAsync(r => r.Id == registrationId, cancellationToken);
        if (registration.Status is not (RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted)) return new(ChangeOutcome.Refused, new Notice("", "Cette inscription n'est plus active."));
        var choices = await db.WorkshopChoices.Where(c => c.RegistrationId == registrationId).ToListAsync(cancellationToken);
        var freed = false;
        foreach (var dropped in choices.Where(c => !wanted.Contains(c.SessionKey)).ToList())
        {
            if (dropped.Status == WorkshopChoiceStatus.Confirmed)
            {
                await ReleaseSeatAsync(view.Id, dropped.SessionKey, cancellationToken);
                freed = true;
            }
            db.WorkshopChoices.Remove(dropped);
        }
        foreach (var key in wanted.Where(k => choices.All(c => c.SessionKey != k)))
        {
            var choice = new WorkshopChoice { RegistrationId = registrationId, EventId = view.Id, SessionKey = key, CreatedUtc = now };
            if (registration.Status == RegistrationStatus.Confirmed && await TryTakeSeatAsync(view.Id, key, WorkshopCapacity(view, key), cancellationToken))
                choice.Status = WorkshopChoiceStatus.Confirmed;
            else
            {
                choice.Status = WorkshopChoiceStatus.Waitlisted;
                choice.WaitlistedUtc = now;
            }
            db.WorkshopChoices.Add(choice);
        }
        registration.UpdatedUtc = now;
        registration.Version++;
        Audit(view.Id, registrationId, actorUserId, actorName, EventAuditActions.WorkshopsChanged,
            wanted.Count == 0 ? "Aucun atelier." : "Ateliers : " + string.Join(", ", wanted), now);
        await db.SaveChangesAsync(cancellationToken);
        if (freed) await PromoteAsync(view, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(ChangeOutcome.Done);
    }

    /// <summary>Expires the tenant's unverified guest registrations whose deadline has passed, each in its own transaction; returns how many.</summary>
    public async Task<int> ExpireUnverifiedAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var due = await db.Registrations.AsNoTracking()
            .Where(r => r.AddressVerifiedUtc == null && r.VerifyByUtc != null && r.VerifyByUtc <= now
                        && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
            .OrderBy(r => r.VerifyByUtc).Select(r => new { r.Id, r.EventId }).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var group in due.GroupBy(r => r.EventId))
        {
            var view = await setups.FindAsync(group.Key, cancellationToken);
            if (view is null) continue;
            foreach (var item in group)
            {
                await using var queued = await QueueAsync(cancellationToken);
                await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
                // Verified meanwhile (the guest clicked just now): EndAsync finds nothing to end.
                if (await EndAsync(view, item.Id, RegistrationStatus.Expired, null, "", cancellationToken, unverifiedOnly: true)) expired++;
                await transaction.CommitAsync(cancellationToken);
            }
        }
        return expired;
    }

    /// <summary>
    /// Gives free seats of the event and its workshops to the people waiting, in order (after a capacity was raised,
    /// for instance). Call it inside or outside a tenant transaction.
    /// </summary>
    public async Task FillFreeSeatsAsync(int eventId, CancellationToken cancellationToken = default)
    {
        var view = await setups.FindAsync(eventId, cancellationToken);
        if (view is null) return;
        await using var transaction = await session.JoinOrBeginTenantTransactionAsync(cancellationToken);
        await EnsureCountersAsync(eventId, ["", .. view.Workshops.Select(w => w.Key)], cancellationToken);
        await PromoteAsync(view, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Ends an active registration inside the caller's transaction: frees its seats and promotes. False when it was no longer active.</summary>
    private async Task<bool> EndAsync(EventView view, int registrationId, RegistrationStatus status, string? actorUserId, string actorName, CancellationToken cancellationToken, bool unverifiedOnly = false)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (registration is null || registration.Status is not (RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted)) return false;
        var now = Now;
        if (unverifiedOnly && (registration.AddressVerifiedUtc is not null || registration.VerifyByUtc is null || registration.VerifyByUtc > now)) return false;
        var held = registration.Status == RegistrationStatus.Confirmed;
        var choices = await db.WorkshopChoices.Where(c => c.RegistrationId == registrationId).ToListAsync(cancellationToken);
        if (held)
        {
            await ReleaseSeatAsync(view.Id, "", cancellationToken);
            foreach (var choice in choices.Where(c => c.Status == WorkshopChoiceStatus.Confirmed))
                await ReleaseSeatAsync(view.Id, choice.SessionKey, cancellationToken);
        }
        db.WorkshopChoices.RemoveRange(choices);
        registration.Status = status;
        registration.CancelledUtc = now;
        registration.UpdatedUtc = now;
        registration.Version++;
        Audit(view.Id, registrationId, actorUserId, actorName, status == RegistrationStatus.Expired ? EventAuditActions.Expired : EventAuditActions.Cancelled,
            status == RegistrationStatus.Expired ? "Adresse non confirmée à temps : inscription expirée." : "Inscription annulée.", now);
        await db.SaveChangesAsync(cancellationToken);
        if (held) await PromoteAsync(view, cancellationToken);
        return true;
    }

    /// <summary>
    /// Gives every free seat to the first people waiting: the event's first (a promoted person's workshop choices then
    /// take free workshop seats), then each workshop's, among registrants holding an event seat. One mail per person promoted.
    /// </summary>
    private async Task PromoteAsync(EventView view, CancellationToken cancellationToken)
    {
        var now = Now;
        var eventPromoted = new List<EventRegistration>();
        var workshopPromoted = new Dictionary<int, List<string>>();
        while (true)
        {
            var next = await db.Registrations
                .Where(r => r.EventId == view.Id && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.WaitlistedUtc).ThenBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            if (next is null || !await TryTakeSeatAsync(view.Id, "", view.Fields.Capacity, cancellationToken)) break;
            next.Status = RegistrationStatus.Confirmed;
            next.ConfirmedUtc = now;
            next.UpdatedUtc = now;
            next.Version++;
            Audit(view.Id, next.Id, null, "", EventAuditActions.Promoted, "Place libérée attribuée depuis la liste d'attente de l'événement.", now);
            await db.SaveChangesAsync(cancellationToken);
            eventPromoted.Add(next);
        }
        foreach (var workshop in view.Workshops)
        {
            while (true)
            {
                var next = await (from c in db.WorkshopChoices
                                  join r in db.Registrations on c.RegistrationId equals r.Id
                                  where c.EventId == view.Id && c.SessionKey == workshop.Key && c.Status == WorkshopChoiceStatus.Waitlisted && r.Status == RegistrationStatus.Confirmed
                                  orderby c.WaitlistedUtc, c.Id
                                  select c).FirstOrDefaultAsync(cancellationToken);
                if (next is null || !await TryTakeSeatAsync(view.Id, workshop.Key, WorkshopCapacity(view, workshop.Key), cancellationToken)) break;
                next.Status = WorkshopChoiceStatus.Confirmed;
                next.WaitlistedUtc = null;
                Audit(view.Id, next.RegistrationId, null, "", EventAuditActions.Promoted, $"Place libérée attribuée à l'atelier {workshop.Key}.", now);
                await db.SaveChangesAsync(cancellationToken);
                if (eventPromoted.All(r => r.Id != next.RegistrationId))
                {
                    if (!workshopPromoted.TryGetValue(next.RegistrationId, out var keys)) workshopPromoted[next.RegistrationId] = keys = [];
                    keys.Add(workshop.Key);
                }
            }
        }
        foreach (var registration in eventPromoted)
        {
            var choices = await db.WorkshopChoices.AsNoTracking().Where(c => c.RegistrationId == registration.Id).ToListAsync(cancellationToken);
            await outbox.EnqueueAsync(mails.Promotion(view, registration, choices, eventSeat: true, []), cancellationToken);
        }
        foreach (var (registrationId, keys) in workshopPromoted)
        {
            var registration = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == registrationId, cancellationToken);
            var choices = await db.WorkshopChoices.AsNoTracking().Where(c => c.RegistrationId == registrationId).ToListAsync(cancellationToken);
            await outbox.EnqueueAsync(mails.Promotion(view, registration, choices, eventSeat: false, keys), cancellationToken);
        }
    }

    private static int WorkshopCapacity(EventView view, string key) => view.Workshops.FirstOrDefault(s => s.Key == key)?.Capacity ?? 0;

    /// <summary>Creates the missing counters (a no-op write that also takes the write lock early).</summary>
    private async Task EnsureCountersAsync(int eventId, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
            await session.TenantTransaction.ExecuteAsync(
                $"INSERT INTO \"EventSeatCounters\" (\"EventId\", \"SessionKey\", \"Taken\") VALUES ({eventId}, {key}, 0) ON CONFLICT DO NOTHING", cancellationToken);
    }

    /// <summary>ONE conditional UPDATE: a row changed is a seat taken; none means full.</summary>
    /// <remarks>A statement of the transaction rather than ExecuteUpdate: translating the LINQ form on every call cost
    /// more than the UPDATE, and a batch of registrations runs up to three of these each, in the rush's only serial part.</remarks>
    private async Task<bool> TryTakeSeatAsync(int eventId, string key, int capacity, CancellationToken cancellationToken)
        => await session.TenantTransaction.ExecuteAsync(
            $"UPDATE \"EventSeatCounters\" SET \"Taken\" = \"Taken\" + 1 WHERE \"EventId\" = {eventId} AND \"SessionKey\" = {key} AND \"Taken\" < {capacity}",
            cancellationToken) == 1;

    private Task<int> ReleaseSeatAsync(int eventId, string key, CancellationToken cancellationToken)
        => session.TenantTransaction.ExecuteAsync(
            $"UPDATE \"EventSeatCounters\" SET \"Taken\" = \"Taken\" - 1 WHERE \"EventId\" = {eventId} AND \"SessionKey\" = {key} AND \"Taken\" > 0",
            cancellationToken);

    /// <summary>
    /// The place in line of a registration just waitlisted in this batch. Within a batch (one transaction holding the
    /// write lock, registrations only) each one waitlisted goes behind the previous one, so only the batch's first is
    /// counted in the database.
    /// </summary>
    private async Task<int?> NewWaitlistPositionAsync(EventRegistration registration, CancellationToken cancellationToken)
    {
        if (registration.Status != RegistrationStatus.Waitlisted) return null;
        // Strictly later only: at the same instant the line is ordered by id, and a row taken up again keeps its old id.
        var position = _lastWaitlisted is { } last && last.EventId == registration.EventId && registration.WaitlistedUtc > last.At
            ? last.Position + 1
            : await PositionAsync(registration, cancellationToken) ?? 1;
        _lastWaitlisted = (registration.EventId, registration.WaitlistedUtc!.Value, position);
        return position;
    }

    /// <summary>The last registration this batch waitlisted: its event, time and place in line (see <see cref="NewWaitlistPositionAsync"/>).</summary>
    private (int EventId, DateTime At, int Position)? _lastWaitlisted;

    /// <summary>The mails of the batch being recorded, queued together once its last registration is recorded.</summary>
    private List<OutgoingMail>? _batchMails;

    /// <summary>1 for the first person waiting for the event; null when not waiting.</summary>
    private async Task<int?> PositionAsync(EventRegistration registration, CancellationToken cancellationToken)
    {
        if (registration.Status != RegistrationStatus.Waitlisted || registration.WaitlistedUtc is not { } at) return null;
        return await WaitingAhead(db, registration.EventId, at, registration.Id, cancellationToken) + 1;
    }

    /// <summary>
    /// The address's registration to the event, tracked, or null. Asked for every registration of a batch, in the rush's
    /// only serial part, where the address is almost always new: a statement of the transaction looks for its id, and
    /// EF reads the row only when there is one.
    /// </summary>
    private async Task<EventRegistration?> RegistrationOfAsync(int eventId, string normalized, CancellationToken cancellationToken)
        => await session.TenantTransaction.ScalarAsync<int>(
                $"SELECT \"Id\" FROM \"EventRegistrations\" WHERE \"EventId\" = {eventId} AND \"NormalizedEmail\" = {normalized}", cancellationToken) is { } id
            ? await db.Registrations.FindAsync([id], cancellationToken)
            : null;

    private static readonly Func<EventsDbContext, int, DateTime, int, CancellationToken, Task<int>> WaitingAhead = EF.CompileAsyncQuery(
        (EventsDbContext db, int eventId, DateTime at, int id, CancellationToken _) => db.Registrations.Count(r => r.EventId == eventId
            && r.Status == RegistrationStatus.Waitlisted && (r.WaitlistedUtc < at || (r.WaitlistedUtc == at && r.Id < id))));

    private async Task<int> WorkshopPositionAsync(WorkshopChoice choice, CancellationToken cancellationToken)
    {
        var at = choice.WaitlistedUtc ?? choice.CreatedUtc;
        var ahead = await (from c in db.WorkshopChoices
                           join r in db.Registrations on c.RegistrationId equals r.Id
                           where c.EventId == choice.EventId && c.SessionKey == choice.SessionKey && c.Status == WorkshopChoiceStatus.Waitlisted
                                 && r.Status == RegistrationStatus.Confirmed && (c.WaitlistedUtc < at || (c.WaitlistedUtc == at && c.Id < choice.Id))
                           select c).CountAsync(cancellationToken);
        return ahead + 1;
    }

    private void Audit(int eventId, int? registrationId, string? userId, string userName, string action, string detail, DateTime now)
        => db.AuditEntries.Add(NewAuditEntry(eventId, registrationId, userId, userName, action, detail, now));

    private static EventAuditEntry NewAuditEntry(int eventId, int? registrationId, string? userId, string userName, string action, string detail, DateTime now)
        => new()
        {
            EventId = eventId,
            RegistrationId = registrationId,
            UserId = userId ?? "",
            UserName = userName.Length > EventRules.NameMaxLength ? userName[..EventRules.NameMaxLength] : userName,
            Action = action,
            Detail = detail.Length > EventRules.AuditDetailMaxLength ? detail[..EventRules.AuditDetailMaxLength] : detail,
            AtUtc = now,
        };

    // A new registration, its workshop choices and its audit entry are written with these INSERTs, in the batch's
    // savepoint, instead of two SaveChanges: EF's update pipeline (change detection, command batching, key propagation)
    // was 12% of the site's CPU in a rush, in its only serial part, for four small rows (run 9 in bench/README.md).
    // They are statements of the batch's transaction, prepared once for the whole batch (EF prepares a command at every
    // call). Values are parameters; dates are bound as the provider binds them for EF (SQLite: ISO text), so ordering
    // by them is unchanged. Everything else about registrations goes through EF.

    private async Task<int> InsertRegistrationAsync(EventRegistration r, CancellationToken cancellationToken)
        => await session.TenantTransaction.ScalarAsync<int>($"""
            INSERT INTO "EventRegistrations" ("EventId", "UserId", "Email", "NormalizedEmail", "FullName", "Organisation", "Culture",
                "Status", "CreatedUtc", "UpdatedUtc", "AddressVerifiedUtc", "VerifyByUtc", "ConfirmedUtc", "WaitlistedUtc", "CancelledUtc",
                "TokenHash", "AnswersJson", "AnswersDeletedUtc", "ReminderSentUtc", "CheckedInUtc", "CheckedInByUserId", "AnonymisedUtc", "Version")
            VALUES ({r.EventId}, {r.UserId}, {r.Email}, {r.NormalizedEmail}, {r.FullName}, {r.Organisation}, {r.Culture},
                {r.Status.ToString()}, {r.CreatedUtc}, {r.UpdatedUtc}, {r.AddressVerifiedUtc}, {r.VerifyByUtc}, {r.ConfirmedUtc}, {r.WaitlistedUtc}, {r.CancelledUtc},
                {r.TokenHash}, {r.AnswersJson}, {r.AnswersDeletedUtc}, {r.ReminderSentUtc}, {r.CheckedInUtc}, {r.CheckedInByUserId}, {r.AnonymisedUtc}, {r.Version})
            RETURNING "Id"
            """, cancellationToken) ?? throw new InvalidOperationException("The new registration's id was not returned.");

    /// <remarks>Without its id: the mails and the page do not need it.</remarks>
    private Task<int> InsertChoiceAsync(WorkshopChoice c, CancellationToken cancellationToken)
        => session.TenantTransaction.ExecuteAsync($"""
            INSERT INTO "EventWorkshopChoices" ("RegistrationId", "EventId", "SessionKey", "Status", "CreatedUtc", "WaitlistedUtc", "CheckedInUtc")
            VALUES ({c.RegistrationId}, {c.EventId}, {c.SessionKey}, {c.Status.ToString()}, {c.CreatedUtc}, {c.WaitlistedUtc}, {c.CheckedInUtc})
            """, cancellationToken);

    private Task<int> InsertAuditAsync(EventAuditEntry e, CancellationToken cancellationToken)
        => session.TenantTransaction.ExecuteAsync($"""
            INSERT INTO "EventAuditEntries" ("EventId", "RegistrationId", "UserId", "UserName", "Action", "Detail", "AtUtc")
            VALUES ({e.EventId}, {e.RegistrationId}, {e.UserId}, {e.UserName}, {e.Action}, {e.Detail}, {e.AtUtc})
            """, cancellationToken);

    /// <summary>The account's registrations in this site, newest event first (anonymised ones left out).</summary>
    public Task<List<EventRegistration>> MineAsync(string userId, CancellationToken cancellationToken = default)
        => db.Registrations.AsNoTracking().Where(r => r.UserId == userId && r.AnonymisedUtc == null).OrderByDescending(r => r.CreatedUtc).ToListAsync(cancellationToken);
}
