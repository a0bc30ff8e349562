using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Modules.Discussions.Data;
using Network.Modules.Discussions.Services;

namespace Network.Modules.Discussions.Pages.Admin.Commentaires;

/// <summary>The tenant's moderation mode (before or after publication) and how many reports hide a comment.</summary>
[RequirePermission("ModerateComments")]
public sealed class ParametresModel(DiscussionSettingsStore settings, IStringLocalizer T) : PageModel
{
    [BindProperty] public string? Mode { get; set; }
    [BindProperty] public string? Threshold { get; set; }
    [BindProperty] public int Version { get; set; }

    [TempData] public string? StatusMessage { get; set; }
    public string? FormError { get; private set; }
    public string? ThresholdError { get; private set; }
    public string? ModeError { get; private set; }

    public async Task OnGetAsync()
    {
        var current = await settings.CurrentAsync(HttpContext.RequestAborted);
        Mode = current.PreModeration ? "avant" : "apres";
        Threshold = current.ReportThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Version = current.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Mode is not ("avant" or "apres")) ModeError = T["Choisissez quand les commentaires sont relus."];
        if (!int.TryParse(Threshold?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var threshold)
            || threshold < 1 || threshold > DiscussionRules.MaxReportThreshold)
            ThresholdError = T["Indiquez un nombre entier entre 1 et {0}.", DiscussionRules.MaxReportThreshold];
        if (ModeError is not null || ThresholdError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!await settings.SaveAsync(Mode == "avant", threshold, Version, HttpContext.RequestAborted))
        {
            FormError = T["Ces réglages ont été modifiés par quelqu'un d'autre depuis que vous avez ouvert la page. Rien n'a été enregistré : voici leurs valeurs actuelles."];
            await OnGetAsync();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        StatusMessage = T["Les réglages des commentaires sont enregistrés."];
        return RedirectToPage();
    }
}
