using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Theming;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Services;

namespace Network.Modules.Calls.Pages.Compte.Candidatures;

/// <summary>
/// <c>/compte/candidatures/{id}/recu</c>: the applicant's submitted application, read-only, with its reference (the
/// page a double submission, another tab or a replay also lands on). A coordinator is sent to the admin view; anyone
/// else gets 404.
/// </summary>
[Authorize]
public sealed class ApplicationReceiptModel(ApplicationDrafts drafts, ApplicationAccess access, ApplicationFiles files, CallRounds rounds, VocabularyService vocabularies) : PageModel
{
    public CallApplication Application { get; private set; } = null!;
    public CallView Call { get; private set; } = null!;
    public ApplicationSummaryView Summary { get; private set; } = null!;
    public bool LockedNotice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? verrouillee, CancellationToken cancellationToken)
    {
        var application = await drafts.FindAsync(id, cancellationToken);
        if (application is null) return NotFound();
        if (application.ApplicantUserId != ApplicationAccess.UserIdOf(User))
        {
            return await access.ViewerOfAsync(application, User, cancellationToken) == ApplicationViewer.Coordinator
                ? Redirect($"{Request.PathBase}/admin/appels/{application.CallId}/candidatures/{application.Id}")
                : NotFound();
        }
        if (await rounds.FindAsync(application.CallId, cancellationToken) is not { } call) return NotFound();
        if (ApplicationDrafts.IsEditable(application)) return Redirect($"{Request.PathBase}/compte/candidatures/{id}");
        Application = application;
        Call = call;
        LockedNotice = verrouillee is not null;
        Summary = new ApplicationSummaryView(application, ApplicationForm.Read(application.FormJson), call.Fields, await files.ListAsync(id, cancellationToken),
            await vocabularies.LabelsAsync(Vocabularies.Domains, cancellationToken), await vocabularies.LabelsAsync(Vocabularies.Technologies, cancellationToken));
        ViewData["Title"] = $"{application.Reference} – {call.Item.Title}";
        ViewData[ThemeViewData.BreadcrumbParents] = new[] { new KeyValuePair<string, string>("Mes candidatures", "/compte/candidatures") };
        return Page();
    }
}
