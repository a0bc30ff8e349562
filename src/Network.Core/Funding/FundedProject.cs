namespace Network.Core.Funding;

/// <summary>
/// A project a call for projects has funded, as the Calls module hands it to whoever turns funded projects into
/// public write-ups (the Showcases module), so nobody retypes what the application already says. Modules know each
/// other only through this record and ids.
/// </summary>
/// <param name="Tenant">The tenant whose call funded it; the draft is created in that tenant.</param>
/// <param name="ApplicationId">The application it comes from (kept on the draft's side as a back link).</param>
/// <param name="ApplicationReference">The reference the applicant received ("ADNI-2026-0007").</param>
/// <param name="AuthorUserId">The applicant's account: the draft is theirs to complete.</param>
/// <param name="Domains">Values of the tenant's "domains" vocabulary.</param>
/// <param name="Technologies">Values of the tenant's "technologies" vocabulary.</param>
/// <param name="CallTitle">The call's title with its year ("Appel à projets ADNI 2026").</param>
public sealed record FundedProject(
    string Tenant,
    int ApplicationId,
    string ApplicationReference,
    string AuthorUserId,
    string AuthorName,
    string Title,
    string Summary,
    string Description,
    string Organisation,
    IReadOnlyList<FundedProjectPartner> Partners,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Technologies,
    string Programme,
    string CallTitle,
    int Year,
    decimal AmountGranted,
    decimal? TotalBudget,
    IReadOnlyList<string> CoFunders,
    string ContactName,
    string ContactEmail);

public sealed record FundedProjectPartner(string Name, string Role);

/// <summary>The draft created for a funded project: its content item id and its editor's tenant-relative address.</summary>
public sealed record FundedProjectDraft(int ItemId, string EditPath);

/// <summary>
/// Creates the public write-up of a funded project as a draft assigned to the applicant, inside the caller's tenant
/// transaction (the session's), so the decision and its draft commit together. None registered: nothing is created.
/// </summary>
public interface IFundedProjectDrafts
{
    Task<FundedProjectDraft> CreateDraftAsync(FundedProject project, CancellationToken cancellationToken = default);
}
