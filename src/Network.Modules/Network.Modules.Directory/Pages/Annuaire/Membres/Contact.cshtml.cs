using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory.Pages.Annuaire.Membres;

/// <summary>Writes to a member open to contact, through the relay (<see cref="ContactRelay"/>): signed-in members only.</summary>
[Authorize]
public sealed class ContactModel(MemberProfiles profiles, ContactRelay relay) : PageModel
{
    public PublicProfile Entry { get; private set; } = null!;

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    /// <summary>A refusal that is not about one field (limit reached, recipient unreachable).</summary>
    public string? Refusal { get; private set; }

    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];

    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
        => await LoadAsync(key, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, cancellationToken) is { } refusal) return refusal;
        var user = await DirectoryUser.OfAsync(HttpContext);
        if (user is null) return Challenge();
        var result = await relay.StartAsync(key, user.Id, user.Name, Subject, Body, cancellationToken);
        switch (result.Outcome)
        {
            case ContactOutcome.Sent:
                return Redirect((Request.PathBase.Value ?? "") + $"/annuaire/messages/{result.ThreadId}?envoye=1");
            case ContactOutcome.NotFound:
                return NotFound();
            case ContactOutcome.Invalid:
                Errors = result.Errors;
                foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
                break;
            case ContactOutcome.RateLimited:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Refusal = $"Vous avez déjà écrit à {ContactRelay.MaxNewConversationsPerWindow} membres dans l'heure : attendez un peu avant d'écrire à nouveau. Rien n'a été envoyé.";
                break;
            default:
                Refusal = "Ce membre ne peut pas recevoir de message pour le moment. Rien n'a été envoyé.";
                break;
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        if (await profiles.FindPublicAsync(key, cancellationToken) is not { } entry || !entry.Profile.OpenToContact) return NotFound();
        Entry = entry;
        IsSelf = (await DirectoryUser.OfAsync(HttpContext))?.Id == entry.Profile.UserId;
        return null;
    }
}
