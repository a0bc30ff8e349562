using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Network.Modules.Accounts.Data;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Discussions.Services;

namespace Network.Modules.Discussions.Components;

/// <summary>What the comments section of an item's page shows.</summary>
public sealed record CommentsSection(
    ContentItem Item,
    ContentTypeDefinition Type,
    ItemDiscussion Discussion,
    string? ViewerId,
    bool PreModeration,
    bool OffersUseful,
    string PathBase,
    string ReturnPath);

/// <summary>
/// The comments section at the bottom of an item's public page (a <see cref="ContentDetailSection"/>): the threads, the
/// forms to comment and reply (plain forms posting to /commentaires, back to the item's anchor), the "useful" mark.
/// Nothing for a type that has not opted in.
/// </summary>
public sealed class CommentsViewComponent(ContentTypeRegistry types, CommentThreads threads, DiscussionSettingsStore settings, UserManager<NetworkUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ContentItem item)
    {
        if (types.Find(item.ContentType) is not { Discussion: not ContentDiscussion.None } type || !item.IsPublic) return Content("");
        var viewer = users.GetUserId(UserClaimsPrincipal);
        var discussion = await threads.ForItemAsync(item.Id, viewer, HttpContext.RequestAborted);
        var rules = await settings.CurrentAsync(HttpContext.RequestAborted);
        var pathBase = HttpContext.Request.PathBase.Value ?? "";
        return View(new CommentsSection(item, type, discussion, viewer, rules.PreModeration, type.Discussion == ContentDiscussion.CommentsAndUsefulMarks,
            pathBase, type.PublicUrl(item.Slug)));
    }
}
