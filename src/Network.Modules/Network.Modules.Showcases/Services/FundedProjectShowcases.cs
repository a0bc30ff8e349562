using Network.Core.Funding;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Showcases.Data;

namespace Network.Modules.Showcases.Services;

/// <summary>
/// Turns a funded project into a draft showcase written with what the application already says, authored by the
/// applicant (so it appears among their contributions for them to complete and submit), through
/// <see cref="ContentStore"/>: validation, address, revision and change feed as any other item, inside the caller's
/// tenant transaction when there is one.
/// </summary>
public sealed class FundedProjectShowcases(ContentStore store, ShowcaseType type) : IFundedProjectDrafts
{
    public async Task<FundedProjectDraft> CreateDraftAsync(FundedProject project, CancellationToken cancellationToken = default)
    {
        var fields = new ShowcaseFields
        {
            Description = project.Description,
            LeadOrganisation = Short(project.Organisation),
            Partners = project.Partners.Where(p => !string.IsNullOrWhiteSpace(p.Name)).Take(ShowcaseType.MaxListEntries)
                .Select(p => new ShowcasePartner(Short(p.Name), Short(p.Role ?? ""))).ToList(),
            ContactName = Short(project.ContactName),
            ContactEmail = project.ContactEmail,
            Domains = project.Domains.Take(ShowcaseType.MaxListEntries).ToList(),
            Technologies = project.Technologies.Take(ShowcaseType.MaxListEntries).ToList(),
            Programme = Short(project.Programme),
            Call = Short(project.CallTitle),
            Year = project.Year,
            AmountGranted = project.AmountGranted,
            TotalBudget = project.TotalBudget is { } total && total >= project.AmountGranted ? total : null,
            CoFunders = project.CoFunders.Where(c => !string.IsNullOrWhiteSpace(c)).Select(Short).Distinct().Take(ShowcaseType.MaxListEntries).ToList(),
        };
        // Acting for the applicant: the item is theirs from the start (author, contributions list, notifications).
        var author = new ContentActor(project.AuthorUserId, project.AuthorName, CanContribute: true, CanModerate: false, SelfPublishing: false);
        var edit = new ContentEdit(Cut(project.Title, ContentRules.TitleMaxLength), null, Cut(project.Summary, ContentRules.SummaryMaxLength), true, fields);
        var result = await store.CreateAsync(type, edit, author, cancellationToken);
        if (!result.Succeeded && fields.ContactEmail.Length > 0)
        {
            // An address the showcase's rules refuse must not block the decision: the applicant completes it.
            fields.ContactEmail = "";
            result = await store.CreateAsync(type, edit, author, cancellationToken);
        }
        if (!result.Succeeded)
            throw new InvalidOperationException($"The draft showcase of application {project.ApplicationReference} was refused: "
                + string.Join(" ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return new FundedProjectDraft(result.Item!.Id, type.EditUrl(result.Item.Id));
    }

    private static string Short(string value) => Cut(value, ShowcaseType.ShortTextMaxLength);

    private static string Cut(string value, int max)
    {
        value = (value ?? "").Trim();
        return value.Length <= max ? value : value[..(max - 1)].TrimEnd() + "…";
    }
}
