using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Modules.Accounts.Data;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Compte;

/// <summary>
/// "Mes inscriptions" (<c>/compte/inscriptions</c>): the account's event registrations in this site, each with its
/// status and workshops; the person can change workshops, cancel, or delete a registration (cancelled then its personal
/// data removed). Only the account's own registrations are found: another id answers 404.
/// </summary>
[Authorize]
public sealed class MyRegistrationsModel(RegistrationDesk desk, UserManager<NetworkUser> users, TimeProvider clock, IStringLocalizer T) : PageModel
{
    public List<RegistrationView> Registrations { get; } = [];
    public string? Message { get; private set; }
    public string? Refusal { get; private set; }
    public (int Id, List<string> Errors)? WorkshopErrors { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = Request.Query["fait"].ToString() switch
        {
            "annulee" => T["Votre inscription est annulée. Sa place a été libérée."].Value,
            "supprimee" => T["Votre inscription et vos données personnelles ont été supprimées."].Value,
            "ateliers" => T["Vos ateliers ont été mis à jour."].Value,
            _ => null,
        };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await OwnsAsync(id, user.Id, cancellationToken)) return NotFound();
        var result = await desk.CancelAsync(id, user.Id, user.DisplayName, cancellationToken);
        if (result.Outcome == ChangeOutcome.Done) return Redirect($"{Request.PathBase}/compte/inscriptions?fait=annulee");
        Refusal = result.Refusal is { } refusal ? T[refusal.Text, refusal.Args].Value : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await desk.DeleteAsync(id, user.Id, user.DisplayName, cancellationToken)) return NotFound();
        return Redirect($"{Request.PathBase}/compte/inscriptions?fait=supprimee");
    }

    public async Task<IActionResult> OnPostWorkshopsAsync(int id, [FromForm(Name = "Input.Workshops")] List<string>? workshops, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await OwnsAsync(id, user.Id, cancellationToken)) return NotFound();
        var result = await desk.ChangeWorkshopsAsync(id, workshops ?? [], user.Id, user.DisplayName, cancellationToken);
        if (result.Outcome == ChangeOutcome.Done) return Redirect($"{Request.PathBase}/compte/inscriptions?fait=ateliers");
        Refusal = result.Refusal is { } refusal ? T[refusal.Text, refusal.Args].Value : null;
        WorkshopErrors = (id, result.Errors.Select(e => T[e.Text, e.Args].Value).ToList());
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> OwnsAsync(int id, string userId, CancellationToken cancellationToken)
        => (await desk.MineAsync(userId, cancellationToken)).Any(r => r.Id == id);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        if (userId is null) return;
        foreach (var registration in await desk.MineAsync(userId, cancellationToken))
            if (await desk.ViewAsync(registration, cancellationToken) is { } view) Registrations.Add(view);
        Registrations.Sort((a, b) => b.Event.Fields.StartUtc.CompareTo(a.Event.Fields.StartUtc));
        ViewData["Title"] = T["Mes inscriptions"].Value;
        ViewData[Network.Core.Theming.ThemeViewData.BreadcrumbParents] = new[] { new KeyValuePair<string, string>(T["Mon compte"].Value, "/compte") };
    }
}
