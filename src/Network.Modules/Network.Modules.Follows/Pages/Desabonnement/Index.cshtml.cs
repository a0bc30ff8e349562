using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Modules.Follows.Data;
using Network.Modules.Follows.Services;

namespace Network.Modules.Follows.Pages.Desabonnement;

/// <summary>
/// <c>/desabonnement/{token}</c>, the unsubscribe link of the mails, without signing in: GET shows what the link stops
/// and a button (a link previewer or a virus scanner opening the address must not unsubscribe anyone); POST does it,
/// from the button or from the mail client's one-click request (RFC 8058: a POST with
/// <c>List-Unsubscribe=One-Click</c> and no cookie, hence no antiforgery token). A token this site did not sign answers
/// 404; doing it twice is harmless.
/// </summary>
[AllowAnonymous]
// After the site-wide AutoValidateAntiforgeryToken convention (same order: the later one wins), so this one applies.
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, FollowDesk desk, FollowsDbContext db, IStringLocalizer T) : PageModel
{
    public string Token { get; private set; } = "";
    public UnsubscribeRequest Link { get; private set; } = null!;
    public bool Done { get; private set; }

    public IActionResult OnGet(string token)
    {
        if (tokens.Read(token) is not { } request) return NotFound();
        (Token, Link) = (token, request);
        ViewData["Title"] = T["Se désabonner"].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } request) return NotFound();
        if (request.FollowId is { } followId)
            await db.Follows.Where(f => f.Id == followId && f.UserId == request.UserId && f.Delivery == FollowDelivery.Immediate)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Delivery, FollowDelivery.None), cancellationToken);
        else
            await desk.SetNoDigestAsync(request.UserId, true, cancellationToken);
        (Token, Link, Done) = (token, request, true);
        ViewData["Title"] = T["Désabonnement enregistré"].Value;
        return Page();
    }
}
