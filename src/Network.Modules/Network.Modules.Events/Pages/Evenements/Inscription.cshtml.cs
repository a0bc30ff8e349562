using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Accounts.Data;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Evenements;

/// <summary>What the registration form posts (field names are the bench's and the tests' contract: keep them stable).</summary>
public sealed class RegistrationInput
{
    public string FullName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Organisation { get; set; } = "";
    public List<string> Workshops { get; set; } = [];
    public Dictionary<string, string> Answers { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// <c>/evenements/{slug}/inscription</c>: the registration form of one of the site's events, for a signed-in account
/// (name prefilled, its address used) or a guest (name, address, organisation), with the workshops (seats left, times),
/// the optional questions and the information notice. The POST answers the result page itself: confirmed, waitlisted
/// with the position, or "check your mail" for a guest; a second POST for the same address changes nothing.
/// </summary>
public sealed class EventRegistrationModel(
    EventSetups setups, RegistrationDesk desk, UserManager<NetworkUser> users, TenantContext tenantContext,
    IOptions<RegistrationOptions> options, IOptions<EventRetentionOptions> retention, TimeProvider clock, IStringLocalizer T) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public EventView Event { get; private set; } = null!;
    public NetworkUser? Account { get; private set; }
    public Notice? Closed { get; private set; }
    public RegistrationResult? Result { get; private set; }
    public List<(string Key, string Message)> Errors { get; } = [];
    public TenantInfo Tenant => tenantContext.Required;
    public RegistrationOptions Options => options.Value;
    public EventRetentionOptions Retention => retention.Value;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (Account is not null)
        {
            Input.FullName = Account.DisplayName;
            Input.Email = Account.Email ?? "";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        var request = new RegistrationRequest(Input.FullName ?? "", Input.Email ?? "", Input.Organisation ?? "", Input.Workshops ?? [],
            Input.Answers ?? new Dictionary<string, string>(), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var account = Account is { Email: { Length: > 0 } email } ? new Registrant(Account.Id, email) : null;
        Result = await desk.RegisterAsync(Event, request, account);
        switch (Result.Outcome)
        {
            case RegistrationOutcome.NotFound:
                return NotFound();
            case RegistrationOutcome.Refused:
                Closed = Result.Refusal;
                Result = null;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case RegistrationOutcome.Invalid:
                foreach (var problem in Result.Errors)
                {
                    var field = problem.Field;
                    var key = field.StartsWith("Answers.", StringComparison.Ordinal) ? $"Input.Answers[{field["Answers.".Length..]}]" : "Input." + field;
                    var message = T[problem.Text, problem.Args].Value;
                    Errors.Add((key, message));
                    ModelState.AddModelError(key, message);
                }
                Result = null;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
            default:
                // The result page shows the registration, not the form's seats: the event is not read again.
                break;
        }
        if (Account is not null) Input.Email = Account.Email ?? "";
        return Page();
    }

    /// <summary>The id of a field's control in the page (the error summary links to it).</summary>
    public static string FieldId(string key) => new FormField(key, "").Id;

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await setups.FindPublishedAsync(slug, cancellationToken) is not { } view || view.State == EventState.Draft) return false;
        Event = view;
        Closed = RegistrationDesk.Refusal(view, clock.GetUtcNow().UtcDateTime);
        Account = User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        ViewData["Title"] = T["Inscription : {0}", view.Item.Title].Value;
        ViewData[ThemeViewData.BreadcrumbParents] = new[]
        {
            new KeyValuePair<string, string>(T["Événements"].Value, "/evenements"),
            new KeyValuePair<string, string>(view.Item.Title, RegistrationMails.EventPath(view)),
        };
        return true;
    }
}
