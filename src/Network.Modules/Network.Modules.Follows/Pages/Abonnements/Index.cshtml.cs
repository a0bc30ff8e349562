using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;
using Network.Modules.Follows.Data;
using Network.Modules.Follows.Services;

namespace Network.Modules.Follows.Pages.Abonnements;

/// <summary>
/// <c>/abonnements</c>: where follow buttons post (follow with a delivery choice, stop following) and, in GET with
/// <c>?type=&amp;cle=</c>, the follow page of one topic (what the home block and the visitors' "Suivre" link open, after
/// signing in). The topic's tenant is always the request's: a form cannot name another tenant, and a key this tenant
/// does not know (another region's call, a made-up domain) answers 404; an unknown kind or delivery answers 400.
/// </summary>
[Authorize]
public sealed class FollowPageModel(FollowDesk desk, FollowTopicResolver resolver, TenantContext tenantContext, UserManager<NetworkUser> users, IStringLocalizer T) : PageModel
{
    public string Kind { get; private set; } = "";
    public string Key { get; private set; } = "";
    public FollowTopicView Topic { get; private set; } = null!;
    public Follow? Current { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "type")] string? kind, [FromQuery(Name = "cle")] string? key, CancellationToken cancellationToken)
    {
        if (kind is null) return Redirect($"{Request.PathBase}{NotificationPaths.Preferences}");
        if (!FollowKinds.IsKnown(kind)) return BadRequest();
        if (await resolver.DescribeAsync(kind, key ?? "", cancellationToken) is not { } topic) return NotFound();
        (Kind, Key, Topic) = (kind, key ?? "", topic);
        var userId = users.GetUserId(User)!;
        Current = await desk.FindAsync(userId, new FollowTopic(kind, tenantContext.Required.Name, Key), cancellationToken);
        Message = Request.Query["fait"].ToString() switch
        {
            "suivi" => T["C'est noté : vous suivez ce sujet."].Value,
            "arrete" => T["Vous ne suivez plus ce sujet."].Value,
            _ => null,
        };
        ViewData["Title"] = T["Suivre : {0}", topic.Label].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostFollowAsync([FromForm(Name = "type")] string? kind, [FromForm(Name = "cle")] string? key, [FromForm(Name = "envoi")] string? delivery,
        [FromForm(Name = "retour")] string? returnUrl, CancellationToken cancellationToken)
    {
        if (!FollowKinds.IsKnown(kind) || DeliveryNames.Parse(delivery) is not { } choice) return BadRequest();
        if (await resolver.DescribeAsync(kind!, key ?? "", cancellationToken) is null) return NotFound();
        var userId = users.GetUserId(User)!;
        if (!await desk.FollowAsync(userId, new FollowTopic(kind!, tenantContext.Required.Name, key ?? ""), choice, cancellationToken))
            return StatusCode(StatusCodes.Status409Conflict, T["Vous suivez déjà {0} sujets : retirez-en avant d'en suivre d'autres.", FollowDesk.MaxFollowsPerMember].Value);
        return Back(kind!, key, returnUrl, "suivi");
    }

    public async Task<IActionResult> OnPostUnfollowAsync([FromForm(Name = "type")] string? kind, [FromForm(Name = "cle")] string? key, [FromForm(Name = "retour")] string? returnUrl,
        CancellationToken cancellationToken)
    {
        if (!FollowKinds.IsKnown(kind)) return BadRequest();
        // No check that the topic still exists: one must be able to stop following a call that was withdrawn.
        await desk.UnfollowAsync(users.GetUserId(User)!, new FollowTopic(kind!, tenantContext.Required.Name, key ?? ""), cancellationToken);
        return Back(kind!, key, returnUrl, "arrete");
    }

    /// <summary>Back to the page the button was on (a local address only), else this topic's follow page.</summary>
    private IActionResult Back(string kind, string? key, string? returnUrl, string done)
    {
        var pathBase = Request.PathBase.Value ?? "";
        if (returnUrl is { Length: > 0 and < 2000 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(pathBase + "/", StringComparison.Ordinal)) return LocalRedirect(returnUrl);
        return Redirect($"{pathBase}{NotificationPaths.Follow}?type={Uri.EscapeDataString(kind)}&cle={Uri.EscapeDataString(key ?? "")}&fait={done}");
    }
}
