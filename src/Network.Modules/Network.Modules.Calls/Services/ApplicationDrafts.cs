using Microsoft.EntityFrameworkCore;
using Network.Modules.Calls.Data;
using Network.Modules.Content.Data;

namespace Network.Modules.Calls.Services;

public enum DraftSaveOutcome
{
    Saved,
    /// <summary>Someone (another tab) saved since the form was loaded: nothing written.</summary>
    Conflict,
    /// <summary>Submitted: locked until a coordinator reopens it.</summary>
    Locked,
}

/// <summary>One of the applicant's applications with its call, for "Mes candidatures" and the call's start page.</summary>
public sealed record MyApplication(CallApplication Application, ContentItem? Call, CallRound? Round);

/// <summary>
/// The applicant's side of applications: starting a draft, saving each step (optimistic concurrency on
/// <see cref="CallApplication.Version"/>, never once submitted) and listing one's applications.
/// </summary>
public sealed class ApplicationDrafts(CallsDbContext db, ContentDbContext content, TimeProvider clock)
{
    public async Task<CallApplication> StartAsync(CallView call, string userId, string userName, string email, string culture, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var application = new CallApplication
        {
            CallId = call.Id,
            ApplicantUserId = userId,
            ApplicantName = userName,
            ApplicantEmail = email,
            Culture = culture,
            Status = ApplicationStatus.Draft,
            FormJson = new ApplicationForm { ContactEmail = email, ContactName = userName }.Write(),
            CreatedUtc = now,
            UpdatedUtc = now,
            Version = 1,
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    /// <summary>The application (tracked), or null when it is not in this tenant's database.</summary>
    public Task<CallApplication?> FindAsync(int id, CancellationToken cancellationToken = default)
        => db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>
    /// Stores the form and the step reached when the stored version is still <paramref name="expectedVersion"/> and the
    /// application may be edited (a draft, or reopened for correction).
    /// </summary>
    public async Task<DraftSaveOutcome> SaveAsync(CallApplication application, ApplicationForm form, int currentStep, int expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!IsEditable(application)) return DraftSaveOutcome.Locked;
        if (application.Version != expectedVersion) return DraftSaveOutcome.Conflict;
        application.FormJson = form.Write();
        application.CurrentStep = ApplicationSteps.Clamp(currentStep);
        application.ProjectTitle = Cut(form.ProjectTitle, CallRules.TitleMaxLength);
        application.OrganisationName = Cut(form.OrganisationName, CallRules.OrganisationMaxLength);
        application.AmountRequested = form.AmountRequested;
        application.TotalBudget = form.TotalBudget;
        application.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        application.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return DraftSaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved or submitted meanwhile by another request: reload so the caller sees what is stored now.
            await db.Entry(application).ReloadAsync(cancellationToken);
            return IsEditable(application) ? DraftSaveOutcome.Conflict : DraftSaveOutcome.Locked;
        }
    }

    public static bool IsEditable(CallApplication application) => application.Status is ApplicationStatus.Draft or ApplicationStatus.Reopened;

    /// <summary>The account's applications in this tenant, the most recently changed first, with their calls.</summary>
    public async Task<IReadOnlyList<MyApplication>> MineAsync(string userId, int? callId = null, CancellationToken cancellationToken = default)
    {
        var query = db.Applications.AsNoTracking().Where(a => a.ApplicantUserId == userId);
        if (callId is { } id) query = query.Where(a => a.CallId == id);
        var applications = await query.OrderByDescending(a => a.UpdatedUtc).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        var callIds = applications.Select(a => a.CallId).Distinct().ToList();
        var calls = await content.Items.AsNoTracking().Where(i => callIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var rounds = await db.Rounds.AsNoTracking().Where(r => callIds.Contains(r.CallId)).ToDictionaryAsync(r => r.CallId, cancellationToken);
        return applications.Select(a => new MyApplication(a, calls.GetValueOrDefault(a.CallId), rounds.GetValueOrDefault(a.CallId))).ToList();
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
