using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Funding;
using Network.Core.Mail;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;
using Network.Modules.Calls.Data;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Calls.Services;

/// <summary>
/// Publishes a call's results at once: the round's publication date, each applicant's decision mail (queued in the
/// durable outbox, once: <see cref="CallApplication.DecisionNotifiedUtc"/>), and for each accepted application a
/// draft showcase pre-filled from it, authored by the applicant (<see cref="IFundedProjectDrafts"/>, when the tenant
/// has showcases). A second publication (double click, another tab) changes nothing.
/// </summary>
/// <remarks>
/// The tenant's changes (round, applications, drafts, log) commit in one tenant transaction; the mails and the
/// applicants' Contributor role live in the host database, in one host transaction committed just before the tenant's.
/// Two database files cannot commit atomically: should the tenant commit fail after the host's, a mail would be
/// queued for a publication to be redone (sent again then); the other order could lose mails, which we avoid.
/// </remarks>
public sealed class CallResultsPublisher(
    CallsDbContext db,
    DatabaseSession session,
    CallRounds rounds,
    TenantContext tenantContext,
    IMailOutbox outbox,
    MailComposer composer,
    AccountsDbContext accounts,
    TenantRolesDbContext roles,
    IServiceProvider services,
    TenantGenerations generations,
    TimeProvider clock)
{
    public const string ShowcasesModuleId = "Showcases";
    public const string ContributeContentPermission = "ContributeContent";

    /// <summary>The references of submitted (or reopened) applications without a decision: the results cannot be published while any remain.</summary>
    public Task<List<string>> UndecidedAsync(int callId, CancellationToken cancellationToken = default)
        => db.Applications.AsNoTracking()
            .Where(a => a.CallId == callId && a.Reference != null && (a.Status != ApplicationStatus.Submitted || a.Decision == ApplicationDecision.None))
            .OrderBy(a => a.Reference).Select(a => a.Reference!).ToListAsync(cancellationToken);

    public async Task<CallActionResult> PublishAsync(int callId, int expectedRoundVersion, CallActor actor, CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Required;
        await using var tenantTransaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var call = await rounds.FindAsync(callId, cancellationToken);
        if (call is null) return CallActionResult.Missing();
        // Already published (a second click, another tab): nothing to do, and nothing is sent twice.
        if (call.Round.ResultsPublishedUtc is not null) return CallActionResult.Ok;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!call.Item.IsPublic) return CallActionResult.Refused("", "L'appel n'est pas publié : ses résultats ne peuvent pas l'être.");
        if (!CallPhase.IsPastDeadline(call.Fields, now))
            return CallActionResult.Refused("", $"L'appel n'est pas encore clos (date limite : {Network.Core.Localization.ParisTime.Format(call.Fields.ClosesUtc)}) : les résultats se publient après la date limite.");
        if (call.Round.Version != expectedRoundVersion) return CallActionResult.Stale();
        var undecided = await UndecidedAsync(callId, cancellationToken);
        if (undecided.Count > 0)
            return CallActionResult.Refused("", $"Chaque candidature déposée doit avoir une décision avant la publication. Sans décision : {string.Join(", ", undecided)}.");

        var applications = await db.Applications
            .Where(a => a.CallId == callId && a.Status == ApplicationStatus.Submitted && a.Decision != ApplicationDecision.None)
            .OrderBy(a => a.Reference).ToListAsync(cancellationToken);
        var round = call.Round;
        round.ResultsPublishedUtc = now;
        round.Version++;

        var drafts = tenant.IsEnabled(ShowcasesModuleId) ? services.GetService<IFundedProjectDrafts>() : null;
        var callTitle = call.Item.Title.Contains(call.Fields.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? call.Item.Title
            : $"{call.Item.Title} {call.Fields.Year}";
        var mails = new List<OutgoingMail>();
        var authors = new List<string>();
        foreach (var application in applications)
        {
            string? editPath = null;
            if (application.Decision == ApplicationDecision.Accepted && application.ShowcaseItemId is null && drafts is not null)
            {
                var draft = await drafts.CreateDraftAsync(ToFundedProject(tenant, call, callTitle, application), cancellationToken);
                application.ShowcaseItemId = draft.ItemId;
                editPath = draft.EditPath;
                authors.Add(application.ApplicantUserId);
            }
            if (application.DecisionNotifiedUtc is null)
            {
                mails.Add(DecisionMail(tenant, call, application, editPath));
                application.DecisionNotifiedUtc = now;
            }
            application.Version++;
        }
        CallAuditLog.Add(db, clock, actor, callId, null, CallAuditActions.ResultsPublished,
            $"{applications.Count(a => a.Decision == ApplicationDecision.Accepted)} retenue(s), {applications.Count(a => a.Decision == ApplicationDecision.Waitlisted)} en liste complémentaire, {applications.Count(a => a.Decision == ApplicationDecision.Rejected)} non retenue(s).");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CallActionResult.Stale();
        }

        // The decisions' mails commit with the tenant's change (the Mail module's relay); the role grants are host rows,
        // committed just before it (granting twice is harmless: a second publication finds them).
        foreach (var mail in mails) await outbox.EnqueueAsync(mail, cancellationToken);
        await using (var hostTransaction = await session.BeginHostTransactionAsync(cancellationToken))
        {
            await GrantContributorAsync(tenant, authors, actor, now, cancellationToken);
            await hostTransaction.CommitAsync(cancellationToken);
        }
        await tenantTransaction.CommitAsync(cancellationToken);
        // The call's public state changed: cached fragments and the hub's view of the region's calls follow.
        generations.Advance(tenant.Name);
        return CallActionResult.Ok;
    }

    /// <summary>
    /// The applicant completes their draft in the admin like any contributor: an applicant who cannot contribute in
    /// this tenant yet receives the Contributor role (the narrowest role with the admin and content writing).
    /// </summary>
    private async Task GrantContributorAsync(TenantInfo tenant, IReadOnlyList<string> userIds, CallActor actor, DateTime now, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0) return;
        var definitions = await roles.Roles.AsNoTracking().ToListAsync(cancellationToken);
        if (!definitions.Any(r => r.Name == NetworkRoles.Contributor)) return;
        var contributing = definitions.Where(r => r.Permissions.Contains(ContributeContentPermission)).Select(r => r.Name).ToList();
        var ids = userIds.Distinct().ToList();
        var already = await accounts.TenantRoleAssignments.AsNoTracking()
            .Where(a => a.TenantName == tenant.Name && ids.Contains(a.UserId) && contributing.Contains(a.Role))
            .Select(a => a.UserId).ToListAsync(cancellationToken);
        foreach (var userId in ids.Except(already))
            accounts.TenantRoleAssignments.Add(new TenantRoleAssignment
            {
                UserId = userId,
                TenantName = tenant.Name,
                Role = NetworkRoles.Contributor,
                GrantedUtc = now,
                GrantedByUserId = actor.UserId,
            });
        await accounts.SaveChangesAsync(cancellationToken);
    }

    private static FundedProject ToFundedProject(TenantInfo tenant, CallView call, string callTitle, CallApplication application)
    {
        var form = ApplicationForm.Read(application.FormJson);
        return new FundedProject(
            tenant.Name,
            application.Id,
            application.Reference ?? "",
            application.ApplicantUserId,
            application.ApplicantName,
            string.IsNullOrWhiteSpace(form.ProjectTitle) ? application.ProjectTitle : form.ProjectTitle,
            form.Summary,
            form.Description,
            string.IsNullOrWhiteSpace(form.OrganisationName) ? application.OrganisationName : form.OrganisationName,
            form.Partners.Select(p => new FundedProjectPartner(p.Name, p.Role)).ToList(),
            form.Domains,
            form.Technologies,
            call.Fields.Programme,
            callTitle,
            call.Fields.Year,
            application.AmountGranted ?? 0,
            application.TotalBudget ?? form.TotalBudget,
            form.CoFunding.Select(c => c.Funder).ToList(),
            form.ContactName,
            form.ContactEmail);
    }

    private OutgoingMail DecisionMail(TenantInfo tenant, CallView call, CallApplication application, string? showcaseEditPath)
    {
        var draft = composer.Create(tenant, application.ApplicantEmail, application.ApplicantName, application.Culture);
        var culture = draft.Culture;
        var site = string.IsNullOrWhiteSpace(tenant.SiteName) ? tenant.DisplayName : tenant.SiteName;
        switch (application.Decision)
        {
            case ApplicationDecision.Accepted:
                draft.Subject("{0} : votre projet « {1} » est retenu", call.Item.Title, application.ProjectTitle)
                    .Heading("Votre projet est retenu")
                    .Paragraph("Votre candidature {0} à l'appel « {1} » est retenue pour un montant de {2}.", application.Reference, call.Item.Title, Euros.Format(application.AmountGranted ?? 0, culture))
                    .Paragraph("Motivation de la décision : {0}", application.DecisionJustification);
                if (application.ConventionDate is { } convention)
                    draft.Paragraph("La convention est datée du {0}.", convention.ToString("d MMMM yyyy", culture));
                if (showcaseEditPath is not null)
                    draft.Paragraph("Une fiche de présentation de votre projet a été préparée à partir de votre dossier. Complétez-la puis soumettez-la : la coordination la publiera sur {0}.", site)
                        .Link("Compléter la fiche du projet", showcaseEditPath);
                break;
            case ApplicationDecision.Waitlisted:
                draft.Subject("{0} : votre candidature « {1} » est sur liste complémentaire", call.Item.Title, application.ProjectTitle)
                    .Heading("Votre candidature est sur liste complémentaire")
                    .Paragraph("Votre candidature {0} à l'appel « {1} » est inscrite sur la liste complémentaire : elle pourra être financée si des crédits se libèrent.", application.Reference, call.Item.Title)
                    .Paragraph("Motivation de la décision : {0}", application.DecisionJustification);
                break;
            default:
                draft.Subject("{0} : votre candidature « {1} » n'est pas retenue", call.Item.Title, application.ProjectTitle)
                    .Heading("Votre candidature n'est pas retenue")
                    .Paragraph("Votre candidature {0} à l'appel « {1} » n'est pas retenue.", application.Reference, call.Item.Title)
                    .Paragraph("Motivation de la décision : {0}", application.DecisionJustification);
                break;
        }
        return draft.Link("Voir les résultats de l'appel", $"{CallResults.ResultsPath(call.Item.Slug)}").Build();
    }
}
