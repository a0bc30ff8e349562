using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Theming;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Evenements;

/// <summary>
/// <c>/evenements/inscription/{token}</c>: a registration seen through its personal link, without signing in. Opening
/// it verifies a guest's address (the link came by mail). The person can change workshops or cancel (antiforgery
/// checked). An unknown, forged or expired link answers 404 with a clear message and changes nothing.
/// </summary>
public sealed class PersonalRegistrationModel(RegistrationDesk desk, TimeProvider clock, IStringLocalizer T) : PageModel
{
    public RegistrationView? Registration { get; private set; }
    public string Token { get; private set; } = "";
    public string? Refusal { get; private set; }
    public List<(string Key, string Message)> Errors { get; } = [];
    public IReadOnlyCollection<string>? Posted { get; private set; }
    public bool Changeable => Registration?.Changeable(clock.GetUtcNow().UtcDateTime) == true;
    public string Self => $"{Request.PathBase}{RegistrationTokens.PathOf(Token)}";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var registration = await desk.VerifyAsync(token, cancellationToken);
        return await ShowAsync(token, registration, cancellationToken);
    }

    public async Task<IActionResult> OnPostWorkshopsAsync(string token, [FromForm(Name = "Input.Workshops")] List<string>? workshops, CancellationToken cancellationToken)
    {
        var registration = await desk.FindByTokenAsync(token, cancellationToken);
        if (registration is null) return await ShowAsync(token, null, cancellationToken);
        var result = await desk.ChangeWorkshopsAsync(registration.Id, workshops ?? [], registration.UserId, registration.FullName, cancellationToken);
        if (result.Outcome == ChangeOutcome.Done) return Redirect($"{Request.PathBase}{RegistrationTokens.PathOf(token)}?modifiee=1");
        Refusal = result.Refusal is { } refusal ? T[refusal.Text, refusal.Args].Value : null;
        foreach (var problem in result.Errors) Errors.Add(("Input.Workshops", T[problem.Text, problem.Args].Value));
        Posted = workshops ?? [];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await ShowAsync(token, await desk.FindByTokenAsync(token, cancellationToken), cancellationToken, keepStatus: true);
    }

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken cancellationToken)
    {
        var registration = await desk.FindByTokenAsync(token, cancellationToken);
        if (registration is null) return await ShowAsync(token, null, cancellationToken);
        var result = await desk.CancelAsync(registration.Id, registration.UserId ?? "", registration.FullName, cancellationToken);
        if (result.Outcome == ChangeOutcome.Done) return Redirect($"{Request.PathBase}{RegistrationTokens.PathOf(token)}?annulee=1");
        Refusal = result.Refusal is { } refusal ? T[refusal.Text, refusal.Args].Value : null;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return await ShowAsync(token, registration, cancellationToken, keepStatus: true);
    }

    private async Task<IActionResult> ShowAsync(string token, Data.EventRegistration? registration, CancellationToken cancellationToken, bool keepStatus = false)
    {
        Token = token;
        Registration = registration is null ? null : await desk.ViewAsync(registration, cancellationToken);
        // Robots must not keep a personal page, and the page must not leak its address to other sites.
        Response.Headers["X-Robots-Tag"] = "noindex";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (Registration is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            ViewData["Title"] = T["Lien d'inscription introuvable"].Value;
            return Page();
        }
        if (!keepStatus) Response.StatusCode = StatusCodes.Status200OK;
        ViewData["Title"] = T["Mon inscription : {0}", Registration.Event.Item.Title].Value;
        ViewData[ThemeViewData.BreadcrumbParents] = new[]
        {
            new KeyValuePair<string, string>(T["Événements"].Value, "/evenements"),
            new KeyValuePair<string, string>(Registration.Event.Item.Title, RegistrationMails.EventPath(Registration.Event)),
        };
        return Page();
    }
}
