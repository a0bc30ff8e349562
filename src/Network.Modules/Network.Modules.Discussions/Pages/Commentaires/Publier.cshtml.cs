using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Network.Modules.Discussions.Services;

namespace Network.Modules.Discussions.Pages.Commentaires;

/// <summary>
/// Where the comment and reply forms of item pages post. Accepted: back to the comment on the item's page. Refused:
/// this page, with the reasons and the text kept, to correct and send again.
/// </summary>
[Authorize]
public sealed class PublierModel(CommentDesk desk) : CommentPageModel
{
    [BindProperty] public int ItemId { get; set; }
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? SubmissionKey { get; set; }

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Refused(CommentOutcome.Refused(400, CommentDesk.NotFound));
        var outcome = await desk.PostAsync(ItemId, ParentId, Body, SubmissionKey, await WhoAsync(), HttpContext.RequestAborted);
        ItemPath = await ItemPathAsync(ItemId);
        if (outcome.Succeeded) return BackTo(ItemPath!, CommentAnchors.Of(outcome.Comment!.Id));
        return Refused(outcome);
    }
}
