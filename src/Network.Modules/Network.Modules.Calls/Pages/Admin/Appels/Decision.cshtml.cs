using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Modules.Accounts.Services;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.Pages.Admin.Appels;

/// <summary>
/// The decision on one submitted application: accepted (amount granted), waitlisted or rejected, justified and dated.
/// The form posts the application's version, so two coordinators deciding at once never overwrite each other silently.
/// </summary>
[Authorize]
public sealed class DecisionModel(CallRounds rounds, CallsDbContext db, CallDecisions decisions, ApplicationAccess access, TenantMembers members, IStringLocalizer T) : PageModel
{
    public CallView Call { get; private set; } = null!;
    public CallApplication Application { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public string? Error { get; private set; }
    public bool Conflict { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    [BindProperty]
    public DecisionForm Form { get; set; } = new();

    public static readonly IReadOnlyList<(ApplicationDecision Value, string Label, string Hint)> Choices =
    [
        (ApplicationDecision.Accepted, "Retenue", "Indiquez le montant accordé, au plus le montant demandé."),
        (ApplicationDecision.Waitlisted, "Liste complémentaire", "Financée si des crédits se libèrent."),
        (ApplicationDecision.Rejected, "Non retenue", ""),
    ];

    public async Task<IActionResult> OnGetAsync(int id, int applicationId)
    {
        if (!await access.IsCoordinatorAsync(User)) return Forbid();
        if (!await LoadAsync(id, applicationId)) return NotFound();
        Form = new DecisionForm
        {
            Decision = Application.Decision == ApplicationDecision.None ? null : Application.Decision.ToString(),
            AmountGranted = Euros.Input(Application.AmountGranted),
            Justification = Application.DecisionJustification,
            DecisionDate = (Application.DecisionDate ?? decisions.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ConventionDate = Application.ConventionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Version = Application.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int applicationId)
    {
        if (!await access.IsCoordinatorAsync(User)) return Forbid();
        if (!await LoadAsync(id, applicationId)) return NotFound();
        var input = Read();
        if (FieldErrors.Count == 0)
        {
            var result = await decisions.DecideAsync(id, applicationId, Form.Version, input, await CallActors.OfAsync(User, members));
            if (result.NotFound) return NotFound();
            if (result.Succeeded)
            {
                TempData[nameof(DecisionsModel.StatusMessage)] = T["Décision enregistrée pour {0}.", Application.Reference ?? ""].Value;
                return Redirect(Url.Content($"~/admin/appels/{id}/decisions"));
            }
            Conflict = result.Conflict;
            foreach (var (field, message) in result.Errors)
                if (field.Length == 0) Error = message;
                else FieldErrors.TryAdd(field, message);
            if (Conflict)
            {
                await LoadAsync(id, applicationId);
                Form.Version = Application.Version;
            }
        }
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Reads the posted text; what cannot be read (a date, an amount) is reported next to its field.</summary>
    private DecisionInput Read()
    {
        var decision = Enum.TryParse<ApplicationDecision>(Form.Decision, out var d) && Choices.Any(c => c.Value == d) ? d : ApplicationDecision.None;
        if (!Euros.TryParse(Form.AmountGranted, out var amount))
            FieldErrors["AmountGranted"] = "Indiquez un montant en euros, par exemple 15000 ou 15000,50.";
        var decided = ReadDate(Form.DecisionDate, "DecisionDate");
        var convention = ReadDate(Form.ConventionDate, "ConventionDate");
        var input = new DecisionInput(decision, amount, Form.Justification, decided, convention);
        if (FieldErrors.Count == 0)
            foreach (var (field, message) in CallDecisions.Check(input, Application)) FieldErrors.TryAdd(field, message);
        return input;
    }

    private DateOnly? ReadDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        FieldErrors[field] = "Indiquez une date au format aaaa-mm-jj.";
        return null;
    }

    private async Task<bool> LoadAsync(int id, int applicationId)
    {
        if (await rounds.FindAsync(id) is not { } call) return false;
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId && a.CallId == id && a.Reference != null);
        if (application is null) return false;
        Call = call;
        Application = application;
        Refusal = decisions.RefusalFor(call);
        return true;
    }
}

public sealed class DecisionForm
{
    public string? Decision { get; set; }
    public string? AmountGranted { get; set; }
    public string? Justification { get; set; }
    public string? DecisionDate { get; set; }
    public string? ConventionDate { get; set; }
    public int Version { get; set; }
}
