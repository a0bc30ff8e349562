using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Modules.Accounts.Data;
using Network.Modules.Follows.Services;

namespace Network.Modules.Follows.Pages.Compte;

/// <summary>
/// "Mes abonnements" (<c>/compte/notifications</c>): every follow of the account, whatever its site, with its delivery
/// (changed or removed one by one), and the global "no digest" switch. Only the account's own follows are touched:
/// another member's follow id answers 404.
/// </summary>
[Authorize]
public sealed class NotificationsModel(FollowDesk desk, FollowLabels labels, UserManager<NetworkUser> users, IStringLocalizer T) : PageModel
{
    public IReadOnlyList<FollowView> Follows { get; private set; } = [];
    public bool NoDigest { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = Request.Query["fait"].ToString() switch
        {
            "envoi" => T["Le mode d'envoi est enregistré."].Value,
            "retire" => T["Vous ne suivez plus ce sujet."].Value,
            "resume" => T["Votre choix pour le résumé hebdomadaire est enregistré."].Value,
            _ => null,
        };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeliveryAsync(int id, [FromForm(Name = "envoi")] string? delivery, CancellationToken cancellationToken)
    {
        if (DeliveryNames.Parse(delivery) is not { } choice)
        {
            Error = T["Choisissez un mode d'envoi proposé."].Value;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }
        if (!await desk.SetDeliveryAsync(users.GetUserId(User)!, id, choice, cancellationToken)) return NotFound();
        return Redirect($"{Request.PathBase}{NotificationPaths.Preferences}?fait=envoi");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await desk.RemoveAsync(users.GetUserId(User)!, id, cancellationToken)) return NotFound();
        return Redirect($"{Request.PathBase}{NotificationPaths.Preferences}?fait=retire");
    }

    public async Task<IActionResult> OnPostDigestAsync([FromForm(Name = "sansResume")] bool noDigest, CancellationToken cancellationToken)
    {
        await desk.SetNoDigestAsync(users.GetUserId(User)!, noDigest, cancellationToken);
        return Redirect($"{Request.PathBase}{NotificationPaths.Preferences}?fait=resume");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        Follows = await labels.DescribeAsync(await desk.ListAsync(userId, cancellationToken), cancellationToken);
        NoDigest = await desk.NoDigestAsync(userId, cancellationToken);
        ViewData["Title"] = T["Mes abonnements"].Value;
        ViewData[Network.Core.Theming.ThemeViewData.BreadcrumbParents] = new[] { new KeyValuePair<string, string>(T["Mon compte"].Value, "/compte") };
    }
}
