using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Network.Modules.Discussions.Data;
using Network.Modules.Discussions.Services;

namespace Network.Modules.Discussions.Pages.Commentaires;

/// <summary>The author edits or deletes their comment; anyone else is refused (403) and nothing changes.</summary>
[Authorize]
public sealed class ModifierModel(CommentDesk desk) : CommentPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public int Version { get; set; }

    public Comment? Comment { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var own = await desk.OwnAsync(Id, await WhoAsync(), HttpContext.RequestAborted);
        if (!own.Succeeded) return Refused(own);
        Comment = own.Comment;
        Body = Comment!.Body;
        Version = Comment.Version;
        ItemPath = await ItemPathAsync(Comment.ItemId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var who = await WhoAsync();
        var outcome = await desk.EditAsync(Id, Version, Body, who, HttpContext.RequestAborted);
        return await AfterAsync(outcome, who, deleted: false);
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var who = await WhoAsync();
        var outcome = await desk.DeleteAsync(Id, Version, who, HttpContext.RequestAborted);
        return await AfterAsync(outcome, who, deleted: true);
    }

    private async Task<IActionResult> AfterAsync(CommentOutcome outcome, Commenter who, bool deleted)
    {
        if (outcome.Succeeded)
        {
            var path = await ItemPathAsync(outcome.Comment!.ItemId);
            if (path is null) return Redirect((Request.PathBase.Value ?? "") + "/");
            return BackTo(path, deleted ? CommentAnchors.Section : CommentAnchors.Of(outcome.Comment.Id));
        }
        // Show the form again when the comment is still the person's own.
        var own = await desk.OwnAsync(Id, who, HttpContext.RequestAborted);
        if (own.Succeeded)
        {
            Comment = own.Comment;
            if (outcome.StatusCode == 409) { Body = Comment!.Body; Version = Comment.Version; }
            ItemPath = await ItemPathAsync(Comment!.ItemId);
        }
        return Refused(outcome);
    }
}
