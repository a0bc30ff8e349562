using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Modules.Accounts.Data;
using Network.Modules.Discussions.Data;
using Network.Modules.Discussions.Services;

namespace Network.Modules.Discussions.Pages.Admin.Commentaires;

/// <summary>The moderation queue: pending and reported comments with the four decisions, and the log of decisions.</summary>
[RequirePermission("ModerateComments")]
public sealed class IndexModel(CommentModeration moderation, DiscussionSettingsStore settings, UserManager<NetworkUser> users, IStringLocalizer T) : PageModel
{
    public IReadOnlyList<ModerationCase> Cases { get; private set; } = [];
    public IReadOnlyList<CommentModerationEntry> Log { get; private set; } = [];
    public DiscussionSettings Settings { get; private set; } = new();

    [TempData] public string? StatusMessage { get; set; }
    public string? FormError { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(int commentId, int version, string? decision, string? note)
    {
        var user = await users.GetUserAsync(User);
        var moderator = new Commenter(user!.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName);
        var problem = await moderation.DecideAsync(commentId, version, decision ?? "", note, moderator, HttpContext.RequestAborted);
        if (problem is null)
        {
            StatusMessage = T[DecisionDone(decision!)];
            return RedirectToPage();
        }
        FormError = T[problem];
        Response.StatusCode = problem == CommentModeration.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Cases = await moderation.QueueAsync(HttpContext.RequestAborted);
        Log = await moderation.LogAsync(cancellationToken: HttpContext.RequestAborted);
        Settings = await settings.CurrentAsync(HttpContext.RequestAborted);
    }

    public static string DecisionDone(string decision) => decision switch
    {
        CommentModeration.Approve => "Le commentaire est publié.",
        CommentModeration.Reject => "Le commentaire est refusé.",
        CommentModeration.Hide => "Le commentaire est masqué.",
        _ => "Le commentaire est de nouveau visible.",
    };

    public static string ActionLabel(string action) => action switch
    {
        CommentModeration.Approve => "Publié",
        CommentModeration.Reject => "Refusé",
        CommentModeration.Hide => "Masqué",
        CommentModeration.Restore => "Rétabli",
        CommentModeration.AutoHide => "Masqué par les signalements",
        _ => action,
    };
}
