using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Theming;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory.Pages.Annuaire.Membres;

/// <summary>A public member profile; a private or unknown one is a 404 (the same answer, so addresses reveal nothing).</summary>
public sealed class MemberProfileModel(MemberProfiles profiles) : PageModel
{
    public PublicProfile Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await profiles.FindPublicAsync(key, cancellationToken) is not { } entry) return NotFound();
        Entry = entry;
        ViewData[ThemeViewData.Description] = entry.Profile.Role.Length > 0 ? entry.Profile.Role : entry.Profile.DisplayName;
        return Page();
    }
}
