using Microsoft.EntityFrameworkCore;
using Network.Modules.Calls.Data;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;

namespace Network.Modules.Calls.Services;

/// <summary>A funded project as the public results show it.</summary>
/// <param name="ShowcasePath">The project's public showcase once published (tenant-relative), else null.</param>
public sealed record FundedProjectRow(string Reference, string ProjectTitle, string Organisation, decimal AmountGranted, decimal? TotalBudget, string? ShowcasePath);

public sealed record PublishedResults(CallView Call, IReadOnlyList<FundedProjectRow> Funded)
{
    public decimal TotalGranted => Funded.Sum(f => f.AmountGranted);
}

/// <summary>An award as the open data needs it: the accepted decision, its application and its call.</summary>
public sealed record CallAward(CallApplication Application, ApplicationForm Form, ContentItem CallItem, CallFields CallFields);

/// <summary>The public side of decisions: a call's published results, and the tenant's awards (accepted decisions of calls whose results are published).</summary>
public sealed class CallResults(CallsDbContext db, ContentDbContext content, CallType type, CallRounds rounds, ContentTypeRegistry types)
{
    public const string ShowcaseTypeName = "showcase";

    public static string ResultsPath(string callSlug) => $"{CallTypePublicPath}/{callSlug}/resultats";

    private const string CallTypePublicPath = "/appels";

    /// <summary>The published results of the tenant's published call at <paramref name="slug"/>; null before publication (the page answers 404).</summary>
    public async Task<PublishedResults?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var item = await content.Items.AsNoTracking()
            .FirstOrDefaultAsync(i => i.ContentType == CallType.TypeName && i.Slug == slug && i.OriginTenant == null && i.Status == ContentStatus.Published, cancellationToken);
        if (item is null) return null;
        var call = await rounds.FindAsync(item.Id, cancellationToken);
        if (call?.Round.ResultsPublishedUtc is null) return null;
        var accepted = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == item.Id && a.Status == ApplicationStatus.Submitted && a.Decision == ApplicationDecision.Accepted)
            .ToListAsync(cancellationToken);
        var showcaseIds = accepted.Where(a => a.ShowcaseItemId is not null).Select(a => a.ShowcaseItemId!.Value).ToList();
        var showcases = await content.Items.AsNoTracking()
            .Where(i => showcaseIds.Contains(i.Id) && i.Status == ContentStatus.Published && i.OriginTenant == null)
            .ToDictionaryAsync(i => i.Id, i => i.Slug, cancellationToken);
        var showcaseType = types.Find(ShowcaseTypeName);
        var rows = accepted
            .OrderByDescending(a => a.AmountGranted).ThenBy(a => a.ProjectTitle, StringComparer.CurrentCulture)
            .Select(a => new FundedProjectRow(a.Reference ?? "", a.ProjectTitle, a.OrganisationName, a.AmountGranted ?? 0, a.TotalBudget,
                a.ShowcaseItemId is { } id && showcases.TryGetValue(id, out var showcaseSlug) && showcaseType is not null ? showcaseType.PublicUrl(showcaseSlug) : null))
            .ToList();
        return new PublishedResults(call, rows);
    }

    /// <summary>When the tenant last published a call's results (what changes its awards as open data), or null.</summary>
    public Task<DateTime?> LatestResultsPublishedUtcAsync(CancellationToken cancellationToken = default)
        => db.Rounds.AsNoTracking().MaxAsync(r => r.ResultsPublishedUtc, cancellationToken);

    /// <summary>Every award of the tenant: accepted applications of its own calls whose results are published, oldest decision first.</summary>
    public async Task<IReadOnlyList<CallAward>> AwardsAsync(CancellationToken cancellationToken = default)
    {
        var publishedCalls = await db.Rounds.AsNoTracking().Where(r => r.ResultsPublishedUtc != null).Select(r => r.CallId).ToListAsync(cancellationToken);
        if (publishedCalls.Count == 0) return [];
        var calls = await content.Items.AsNoTracking()
            .Where(i => publishedCalls.Contains(i.Id) && i.ContentType == CallType.TypeName && i.OriginTenant == null)
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var accepted = await db.Applications.AsNoTracking()
            .Where(a => publishedCalls.Contains(a.CallId) && a.Status == ApplicationStatus.Submitted && a.Decision == ApplicationDecision.Accepted)
            .ToListAsync(cancellationToken);
        return accepted.Where(a => calls.ContainsKey(a.CallId))
            .OrderBy(a => a.DecisionDate).ThenBy(a => a.Reference, StringComparer.Ordinal)
            .Select(a => new CallAward(a, ApplicationForm.Read(a.FormJson), calls[a.CallId], type.Read(calls[a.CallId])))
            .ToList();
    }
}
