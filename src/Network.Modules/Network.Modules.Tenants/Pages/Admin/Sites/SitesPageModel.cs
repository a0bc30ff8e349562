using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Tenancy;

namespace Network.Modules.Tenants.Pages.Admin.Sites;

/// <summary>
/// What the tenant admin pages share. Each page carries <c>[RequireNetworkAdministrator]</c> and
/// <c>[HubOnly]</c> itself, so its protection is visible where it is declared.
/// </summary>
public abstract class SitesPageModel : PageModel
{
    /// <summary>A problem that belongs to no single field (a stale version, a failed recipe), shown as an alert.</summary>
    public string? FormError { get; protected set; }

    /// <summary>Puts each validation error under its field (<paramref name="fieldKeys"/>: TenantManager field → form key); others go to <see cref="FormError"/>.</summary>
    protected void AddErrors(TenantValidationException exception, IReadOnlyDictionary<string, string> fieldKeys)
        => AddErrors(exception.Errors, fieldKeys);

    protected void AddErrors(IEnumerable<(string Field, string Message)> errors, IReadOnlyDictionary<string, string> fieldKeys)
    {
        var general = new List<string>();
        foreach (var (field, message) in errors)
        {
            if (fieldKeys.TryGetValue(field, out var key)) ModelState.AddModelError(key, Capitalize(message));
            else general.Add(Capitalize(message));
        }
        if (general.Count > 0) FormError = string.Join(" ", general.Select(m => m.EndsWith('.') ? m : m + "."));
    }

    /// <summary>The error keys in form order, for the summary at the top of a form that links to each field.</summary>
    protected static IEnumerable<string> ErrorKeys(ModelStateDictionary state) => state.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key);

    protected static string Capitalize(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];

    /// <summary>Lines of a textarea, trimmed, without blank ones.</summary>
    protected static List<string> Lines(string? text)
        => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
