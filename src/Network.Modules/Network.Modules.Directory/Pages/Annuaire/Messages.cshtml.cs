using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory.Pages.Annuaire;

/// <summary>
/// A contact conversation, for its two participants only (anyone else: 404): the messages, the reply form (the
/// recipient's first reply exchanges the addresses) and the report form.
/// </summary>
[Authorize]
public sealed class ConversationModel(ContactRelay relay) : PageModel
{
    public ContactConversation Conversation { get; private set; } = null!;

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
        => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostReplyAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal) return refusal;
        var user = (await DirectoryUser.OfAsync(HttpContext))!;
        var result = await relay.ReplyAsync(id, user.Id, user.Name, Body, cancellationToken);
        switch (result.Outcome)
        {
            case ContactOutcome.Sent: return Redirect(Self(id) + "?repondu=1");
            case ContactOutcome.NotFound: return NotFound();
            case ContactOutcome.Invalid:
                Errors = result.Errors;
                foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
                break;
            default:
                Refusal = "Votre message n'est pas envoyé : attendez la réponse de la personne avant de lui écrire à nouveau.";
                break;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal) return refusal;
        var user = (await DirectoryUser.OfAsync(HttpContext))!;
        var outcome = await relay.ReportAsync(id, user.Id, Reason, cancellationToken);
        if (outcome == ContactOutcome.Invalid)
        {
            Errors = [("Reason", $"La raison du signalement ne peut dépasser {Data.DirectoryRules.NoteMaxLength} caractères.")];
            ModelState.AddModelError("Reason", Errors[0].Message);
            return Page();
        }
        return outcome == ContactOutcome.NotFound ? NotFound() : Redirect(Self(id) + "?signale=1");
    }

    private string Self(int id) => (Request.PathBase.Value ?? "") + $"/annuaire/messages/{id}";

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var user = await DirectoryUser.OfAsync(HttpContext);
        if (user is null) return Challenge();
        if (await relay.ConversationAsync(id, user.Id, cancellationToken) is not { } conversation) return NotFound();
        Conversation = conversation;
        return null;
    }
}
