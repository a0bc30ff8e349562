using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Network.Modules.Discussions.Services;

namespace Network.Modules.Discussions.Pages.Commentaires;

/// <summary>Marks or unmarks a practice as useful, then back to the mark on its page.</summary>
[Authorize]
public sealed class UtileModel(CommentDesk desk) : CommentPageModel
{
    [BindProperty] public int ItemId { get; set; }
    [BindProperty] public bool Useful { get; set; } = true;

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await desk.MarkUsefulAsync(ItemId, Useful, await WhoAsync(), HttpContext.RequestAborted);
        if (!outcome.Succeeded) return Refused(outcome);
        return BackTo((await ItemPathAsync(ItemId))!, CommentAnchors.Useful);
    }
}
