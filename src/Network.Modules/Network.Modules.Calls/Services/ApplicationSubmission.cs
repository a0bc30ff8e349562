using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Network.Core.Data;
using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Core.Text;
using Network.Modules.Calls.Data;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Calls.Services;

public enum SubmissionOutcome
{
    Submitted,
    /// <summary>Already submitted (double click, other tab, replay): nothing changed, the same receipt.</summary>
    AlreadySubmitted,
    NotFound,
    TooEarly,
    TooLate,
    /// <summary>The form is incomplete or wrong: see the problems.</summary>
    Invalid,
    /// <summary>The application changed since the page was loaded (another tab saved it).</summary>
    Conflict,
}

public sealed record SubmissionResult(SubmissionOutcome Outcome, CallApplication? Application = null, CallView? Call = null, IReadOnlyList<FormProblem>? Problems = null)
{
    public IReadOnlyList<FormProblem> Errors => Problems ?? [];
}

public enum ReopenOutcome { Reopened, NotFound, NotSubmitted, ReasonMissing, ResultsPublished }

/// <summary>
/// Submitting an application and reopening it for correction. A submission is one tenant transaction: the deadline
/// checked against the server clock, the status flipped by ONE conditional UPDATE (so a double click, another tab or a
/// replay finds nothing left to flip and changes nothing), the reference from the round's counter (kept on
/// resubmission), the audit entry and the receipt, queued in the same transaction through the Mail module's relay (the
/// outbox is in the host database): a receipt is sent for every recorded submission and for no other.
/// </summary>
public sealed class ApplicationSubmission(
    CallsDbContext db, CallRounds rounds, DatabaseSession session, IMailOutbox outbox, MailComposer composer, TenantContext tenantContext, TimeProvider clock)
{
    public const int ReasonMaxLength = 2_000;

    /// <param name="expectedVersion">The version the applicant's page showed: a submission never covers changes they have not seen.</param>
    public async Task<SubmissionResult> SubmitAsync(int applicationId, string userId, int expectedVersion, bool privacyNoticeRead, bool certified, string culture, CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId && a.ApplicantUserId == userId, cancellationToken);
        if (application is null) return new(SubmissionOutcome.NotFound);
        var call = await rounds.FindAsync(application.CallId, cancellationToken);
        if (call is null) return new(SubmissionOutcome.NotFound);
        if (application.Status == ApplicationStatus.Submitted) return new(SubmissionOutcome.AlreadySubmitted, application, call);

        var now = clock.GetUtcNow().UtcDateTime;
        // A correction the coordinators asked for may come after the deadline; a first submission may not.
        if (application.Status == ApplicationStatus.Draft && !CallPhase.AcceptsSubmissions(call.Fields, now))
            return new(now < call.Fields.OpensUtc ? SubmissionOutcome.TooEarly : SubmissionOutcome.TooLate, application, call);

        var form = ApplicationForm.Read(application.FormJson);
        form.PrivacyNoticeRead = privacyNoticeRead;
        form.Certified = certified;
        var problems = ApplicationRules.ForSubmission(form, call.Fields);
        if (problems.Count > 0) return new(SubmissionOutcome.Invalid, application, call, problems);
        if (application.Version != expectedVersion) return new(SubmissionOutcome.Conflict, application, call);

        var formJson = form.Write();
        culture = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "fr";
        await using (var transaction = await session.BeginTenantTransactionAsync(cancellationToken))
        {
            // The first statement writes, so concurrent submissions queue on SQLite's write lock instead of failing to upgrade a read.
            var flipped = await db.Applications
                .Where(a => a.Id == applicationId && (a.Status == ApplicationStatus.Draft || a.Status == ApplicationStatus.Reopened) && a.Version == expectedVersion)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Status, ApplicationStatus.Submitted)
                    .SetProperty(a => a.SubmittedUtc, now)
                    .SetProperty(a => a.UpdatedUtc, now)
                    .SetProperty(a => a.FormJson, formJson)
                    .SetProperty(a => a.Culture, culture)
                    .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
            if (flipped == 0)
            {
                await transaction.DisposeAsync();
                var current = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == applicationId, cancellationToken);
                return new(current.Status == ApplicationStatus.Submitted ? SubmissionOutcome.AlreadySubmitted : SubmissionOutcome.Conflict, current, call);
            }

            var reference = application.Reference;
            if (reference is null)
            {
                // Two calls of the same programme and year would give the same references: the counter skips those taken.
                do
                {
                    await db.Rounds.Where(r => r.CallId == call.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastReferenceNumber, r => r.LastReferenceNumber + 1).SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
                    var number = await db.Rounds.Where(r => r.CallId == call.Id).Select(r => r.LastReferenceNumber).FirstAsync(cancellationToken);
                    reference = ReferenceOf(call.Fields, number);
                }
                while (await db.Applications.AnyAsync(a => a.Reference == reference, cancellationToken));
                await db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Reference, reference), cancellationToken);
            }

            var resubmission = application.Status == ApplicationStatus.Reopened;
            db.AuditEntries.Add(new CallAuditEntry
            {
                CallId = call.Id,
                ApplicationId = applicationId,
                UserId = userId,
                UserName = application.ApplicantName,
                Action = CallAuditActions.Submitted,
                Detail = resubmission ? $"Candidature {reference} déposée à nouveau après correction." : $"Candidature déposée, référence {reference}.",
                AtUtc = now,
            });
            await db.SaveChangesAsync(cancellationToken);

            application.Status = ApplicationStatus.Submitted;
            application.Reference = reference;
            application.SubmittedUtc = now;
            application.FormJson = formJson;
            application.Culture = culture;
            application.Version = expectedVersion + 1;

            // Queued in the tenant transaction (the Mail module's relay): no receipt without the submission, none lost with it.
            await outbox.EnqueueAsync(Receipt(application, form, call, resubmission), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new(SubmissionOutcome.Submitted, application, call);
    }

    /// <summary>"ADNI-2026-0007"; a programme of several words gives its slug ("CULTURES-CONNECTEES-2026-0001").</summary>
    public static string ReferenceOf(CallFields call, int number)
        => string.Create(CultureInfo.InvariantCulture, $"{Slugs.FromTitle(call.Programme).ToUpperInvariant()}-{call.Year}-{number:0000}");

    /// <summary>Sets a submitted application back to "reopened for correction" (logged, the applicant told why).</summary>
    public async Task<ReopenOutcome> ReopenAsync(int callId, int applicationId, string coordinatorId, string coordinatorName, string? reason, CancellationToken cancellationToken = default)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length == 0 || reason.Length > ReasonMaxLength) return ReopenOutcome.ReasonMissing;
        var call = await rounds.FindAsync(callId, cancellationToken);
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId && a.CallId == callId, cancellationToken);
        if (call is null || application is null) return ReopenOutcome.NotFound;
        if (call.Round.ResultsPublishedUtc is not null) return ReopenOutcome.ResultsPublished;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var changed = await db.Applications
            .Where(a => a.Id == applicationId && a.Status == ApplicationStatus.Submitted)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, ApplicationStatus.Reopened)
                .SetProperty(a => a.UpdatedUtc, now)
                .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        if (changed == 0) return ReopenOutcome.NotSubmitted;
        db.AuditEntries.Add(new CallAuditEntry
        {
            CallId = callId,
            ApplicationId = applicationId,
            UserId = coordinatorId,
            UserName = coordinatorName,
            Action = CallAuditActions.Reopened,
            Detail = $"Rouverte pour correction : {reason}",
            AtUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        var message = composer.Create(tenantContext.Required, application.ApplicantEmail, application.ApplicantName, application.Culture)
            .Subject("Candidature {0} rouverte pour correction", application.Reference ?? "")
            .Paragraph("Votre candidature « {0} » à l'appel « {1} » a été rouverte pour correction par l'équipe de l'appel.", application.ProjectTitle, call.Item.Title)
            .Paragraph("Motif : {0}", reason)
            .Paragraph("Corrigez-la puis déposez-la à nouveau : elle garde sa référence {0}.", application.Reference ?? "")
            .Link("Corriger ma candidature", $"/compte/candidatures/{application.Id}")
            .Build();
        await outbox.EnqueueAsync(message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReopenOutcome.Reopened;
    }

    private OutgoingMail Receipt(CallApplication application, ApplicationForm form, CallView call, bool resubmission)
    {
        var tenant = tenantContext.Required;
        var draft = composer.Create(tenant, application.ApplicantEmail, application.ApplicantName, application.Culture);
        var culture = draft.Culture;
        return draft
            .Subject("Accusé de réception de votre candidature {0}", application.Reference!)
            .Paragraph(resubmission
                ? "Votre candidature corrigée à l'appel « {0} » a bien été déposée le {1} (heure de Paris)."
                : "Votre candidature à l'appel « {0} » a bien été déposée le {1} (heure de Paris).", call.Item.Title, ParisTime.Format(application.SubmittedUtc!.Value, culture))
            .Paragraph("Référence : {0}", application.Reference!)
            .Paragraph("Structure : {0}", form.OrganisationName)
            .Paragraph("Projet : {0}", form.ProjectTitle)
            .Paragraph("Montant demandé : {0} pour un budget total de {1}.", Euros.Format(form.AmountRequested, culture), Euros.Format(form.TotalBudget, culture))
            .Paragraph("Votre candidature ne peut plus être modifiée. Rappelez sa référence pour toute question sur son instruction.")
            .Link("Voir ma candidature", $"/compte/candidatures/{application.Id}/recu")
            .Build();
    }
}
