using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>
/// What <c>Pages/Shared/_ApplicationSummary.cshtml</c> shows: the whole application read-only (applicant's recap,
/// receipt, coordinators' and reviewers' pages).
/// </summary>
/// <param name="HideIdentity">Blind review: no organisation, SIRET/RNA, address, contact, partners or file names.</param>
/// <param name="EditUrl">When set (the applicant's recap), each section links to its step: <c>{EditUrl}?etape=N</c>.</param>
public sealed record ApplicationSummaryView(
    CallApplication Application,
    ApplicationForm Form,
    CallFields Call,
    IReadOnlyList<ApplicationAttachment> Attachments,
    IReadOnlyDictionary<string, string> DomainLabels,
    IReadOnlyDictionary<string, string> TechnologyLabels,
    bool HideIdentity = false,
    string? EditUrl = null);
