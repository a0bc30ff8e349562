using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Legal;
using Network.Modules.Pages.Services;

namespace Network.Modules.Pages.Pages.Admin;

/// <summary>
/// Opens a role page (legal page or contact) for writing. Once the page item exists this hands over to the standard
/// page editor; before, it shows the generated default text in a form whose submission creates the page item
/// (role and address fixed) and publishes it at once, with its first revision like every content item.
/// </summary>
[RequirePermission("ModerateContent")]
public sealed class RolePageWriteModel(RolePageEditing editing, ContentStore store, ContentActors actors, PageType type, TenantContext tenantContext) : PageModel
{
    private readonly List<(string Key, string Message)> _errors = [];

    [BindProperty(SupportsGet = true)]
    public string Role { get; set; } = "";

    [BindProperty]
    public RolePageInput Input { get; set; } = new();

    public IReadOnlyList<(string Key, string Message)> Errors => _errors;

    public bool IsAccessibility => Role == PageRoles.Accessibility;

    public string Label => RolePagesAdminModel.LabelOf(Role);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PageRoles.IsKnown(Role)) return NotFound();
        if (await ExistingEditorAsync(cancellationToken) is { } editor) return editor;
        var defaults = RolePageDefaults.For(Role, tenantContext.Required);
        Input = new RolePageInput
        {
            Title = defaults.Title,
            Body = defaults.BodyMarkdown,
            TitleEn = defaults.TitleEn,
            BodyEn = defaults.BodyMarkdownEn,
            AccessibilityStatus = defaults.AccessibilityStatus?.ToString(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!PageRoles.IsKnown(Role)) return NotFound();
        // Written meanwhile (another tab, another coordinator): the standard editor takes over, nothing is created twice.
        if (await ExistingEditorAsync(cancellationToken) is { } editor) return editor;

        AccessibilityConformance? status = null;
        if (IsAccessibility)
        {
            // Only the enum's names: "1" or "999" are not statuses.
            if (Enum.GetNames<AccessibilityConformance>().Contains(Input.AccessibilityStatus, StringComparer.Ordinal))
                status = Enum.Parse<AccessibilityConformance>(Input.AccessibilityStatus!);
            else if (!string.IsNullOrEmpty(Input.AccessibilityStatus))
                AddError("Input.AccessibilityStatus", "Choisissez l'un des états proposés.");
        }
        var fields = new PageFields
        {
            Role = Role,
            Body = Normalize(Input.Body),
            TitleEn = (Input.TitleEn ?? "").Trim(),
            BodyEn = Normalize(Input.BodyEn),
            AccessibilityStatus = status,
        };
        foreach (var error in ContentStore.CheckSharedColumns(Input.Title, null)) AddError("Input.Title", error.Message);
        foreach (var (field, message) in editing.Check(Role, fields))
        {
            if (!_errors.Any(e => e.Key == "Input." + field)) AddError("Input." + field, message);
        }
        if (_errors.Count > 0) return Page();

        var actor = await actors.ForAsync(User);
        // The address is the role whatever the title: typed here so it holds even before the store applies FixedSlugOf.
        var created = await store.CreateAsync(type, new ContentEdit(Input.Title!, Role, "", false, fields), actor, cancellationToken);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) AddError(error.Field is "Title" ? "Input.Title" : "", error.Message);
            if (_errors.Count == 0) AddError("", "La page n'a pas pu être créée ; rechargez la page et recommencez.");
            return Page();
        }
        var item = created.Item!;
        // A legal page is public from the start (its default text was): coordinators publish at once.
        var published = await store.PerformAsync(item.Id, item.Version, ContentAction.Publish, actor, cancellationToken: cancellationToken);
        if (!published.Succeeded) return Redirect(BasePath + type.EditUrl(item.Id));
        return Redirect(BasePath + "/admin/pages/legales?enregistre=" + Role);
    }

    private string BasePath => Request.PathBase.Value ?? "";

    private async Task<IActionResult?> ExistingEditorAsync(CancellationToken cancellationToken)
        => (await editing.ItemsByRoleAsync(cancellationToken)).GetValueOrDefault(Role) is { } item ? Redirect(BasePath + type.EditUrl(item.Id)) : null;

    private void AddError(string key, string message)
    {
        _errors.Add((key, message));
        ModelState.AddModelError(key, message);
    }

    private static string Normalize(string? markdown) => (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

public sealed class RolePageInput
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? TitleEn { get; set; }
    public string? BodyEn { get; set; }

    /// <summary>Name of an <see cref="AccessibilityConformance"/> value (kept as text so a bad value becomes a field error).</summary>
    public string? AccessibilityStatus { get; set; }
}
