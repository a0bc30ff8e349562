using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Network.Core.Theming;
using Network.Modules.Accounts.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Data;

namespace Network.Modules.Calls.Pages.Appels;

/// <summary>
/// <c>/appels/{slug}/candidature</c>: the way into a call's application form for a signed-in account. While the call
/// accepts submissions it starts a draft (a POST) or offers the account's drafts for the call; otherwise it says the
/// call is not open, with its dates.
/// </summary>
[Authorize]
public sealed class CallApplyModel(ContentDbContext content, CallRounds rounds, ApplicationDrafts drafts, UserManager<NetworkUser> users, TimeProvider clock) : PageModel
{
    public CallView Call { get; private set; } = null!;
    public bool Open { get; private set; }
    public IReadOnlyList<MyApplication> Mine { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
        => await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (!Open) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var application = await drafts.StartAsync(Call, user.Id, user.DisplayName, user.Email ?? "", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        return Redirect($"{Request.PathBase}/compte/candidatures/{application.Id}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var id = await content.Items.AsNoTracking()
            .Where(i => i.ContentType == CallType.TypeName && i.Slug == slug && i.OriginTenant == null)
            .Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null || await rounds.FindAsync(id.Value, cancellationToken) is not { } call || !call.Item.IsPublic) return false;
        Call = call;
        Open = CallPhase.AcceptsSubmissions(call.Fields, clock.GetUtcNow().UtcDateTime);
        Mine = await drafts.MineAsync(ApplicationAccess.UserIdOf(User)!, call.Id, cancellationToken);
        ViewData["Title"] = Call.Item.Title;
        ViewData[ThemeViewData.BreadcrumbParents] = new[]
        {
            new KeyValuePair<string, string>("Appels à projets", "/appels"),
            new KeyValuePair<string, string>(call.Item.Title, "/appels/" + call.Item.Slug),
        };
        return true;
    }
}
