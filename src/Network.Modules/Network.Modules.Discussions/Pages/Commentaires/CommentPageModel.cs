using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Network.Modules.Accounts.Data;
using Network.Modules.Content.Services;
using Network.Modules.Discussions.Services;

namespace Network.Modules.Discussions.Pages.Commentaires;

/// <summary>What the members' comment pages share: the signed-in person, the refusal shown at the top, the way back to the item.</summary>
public abstract class CommentPageModel : PageModel
{
    /// <summary>The problem not tied to a field (shown in the alert at the top), already localized.</summary>
    public string? FormError { get; protected set; }

    /// <summary>Problems by field name ("Body", "Reason"), localized; also listed at the top.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The item's page the person came from, tenant-relative, when known.</summary>
    public string? ItemPath { get; protected set; }

    protected IStringLocalizer Localizer => HttpContext.RequestServices.GetRequiredService<IStringLocalizer>();

    protected async Task<Commenter> WhoAsync()
    {
        var users = HttpContext.RequestServices.GetRequiredService<UserManager<NetworkUser>>();
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in account is required.");
        return new Commenter(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName);
    }

    /// <summary>The tenant-relative path of the item a comment is under, if it is still published.</summary>
    protected async Task<string?> ItemPathAsync(int itemId)
        => await HttpContext.RequestServices.GetRequiredService<CommentDesk>().CommentableAsync(itemId, HttpContext.RequestAborted) is { } found
            ? found.Type.PublicUrl(found.Item.Slug) : null;

    /// <summary>Back to the item's page at <paramref name="anchor"/> (303: the browser then GETs it).</summary>
    protected IActionResult BackTo(string itemPath, string anchor)
    {
        Response.Headers.Location = (Request.PathBase.Value ?? "") + itemPath + "#" + anchor;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>Shows the page again with the refusal and the given status; nothing was changed.</summary>
    protected IActionResult Refused(CommentOutcome outcome)
    {
        var problem = outcome.Problem!;
        var message = problem.Argument is null ? Localizer[problem.Message].Value : Localizer[problem.Message, problem.Argument].Value;
        if (problem.Field is not null) Errors[problem.Field] = message;
        else FormError = message;
        Response.StatusCode = outcome.StatusCode;
        return Page();
    }
}
