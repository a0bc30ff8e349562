using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Modules.Directory.Data;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory.Pages.Compte;

/// <summary>The member's own directory profile in this site: private until they choose "public"; open to contact only while public.</summary>
[Authorize]
public sealed class ProfileEditorModel(MemberProfiles profiles) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Bio { get; set; }
    [BindProperty] public string? Tags { get; set; }
    [BindProperty] public bool IsPublic { get; set; }
    [BindProperty] public bool OpenToContact { get; set; }

    public MemberProfile? Saved { get; private set; }
    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await DirectoryUser.OfAsync(HttpContext);
        if (user is null) return Challenge();
        Saved = await profiles.FindOwnAsync(user.Id, cancellationToken);
        DisplayName = Saved?.DisplayName ?? user.Name;
        Role = Saved?.Role;
        Bio = Saved?.Bio;
        Tags = Saved is null ? null : string.Join(", ", Saved.TagList);
        IsPublic = Saved?.IsPublic ?? false;
        OpenToContact = Saved?.OpenToContact ?? false;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await DirectoryUser.OfAsync(HttpContext);
        if (user is null) return Challenge();
        Saved = await profiles.FindOwnAsync(user.Id, cancellationToken);
        Errors = await profiles.SaveAsync(user.Id, new ProfileInput(DisplayName, Role, Bio, Tags, IsPublic, OpenToContact), cancellationToken);
        if (Errors.Count == 0) return Redirect((Request.PathBase.Value ?? "") + "/compte/profil?enregistre=1");
        foreach (var (field, message) in Errors) ModelState.AddModelError(field, message);
        return Page();
    }
}
