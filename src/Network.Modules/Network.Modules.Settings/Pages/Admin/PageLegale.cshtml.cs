using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Security;
using Network.Core.Theming;
using Network.Modules.Settings.Data;
using Network.Modules.Settings.Services;

namespace Network.Modules.Settings.Pages.Admin;

/// <summary>Edits one legal page: French text (required), English text (optional), and the RGAA status for the accessibility page.</summary>
[RequirePermission("ManageSettings")]
public sealed class LegalPageEditModel(LegalPageService legalPages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    [BindProperty]
    public LegalPageInput Input { get; set; } = new();

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool IsAccessibility => Slug == LegalPageSlugs.Accessibility;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!LegalPageSlugs.IsKnown(Slug)) return NotFound();
        var content = await legalPages.GetAsync(Slug, cancellationToken);
        var page = content.Page;
        Input = new LegalPageInput
        {
            Title = page.Title,
            BodyMarkdown = page.BodyMarkdown,
            TitleEn = page.TitleEn,
            BodyMarkdownEn = page.BodyMarkdownEn,
            AccessibilityStatus = page.AccessibilityStatus?.ToString(),
            Version = content.IsDefault ? null : page.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!LegalPageSlugs.IsKnown(Slug)) return NotFound();
        if (ModelState["Input.Version"]?.Errors.Count > 0)
            Errors["Version"] = "le formulaire est incomplet ; rechargez la page et recommencez";
        AccessibilityConformance? status = null;
        if (IsAccessibility)
        {
            // Only the names of the enum: "1" or "999" are not statuses.
            if (Enum.GetNames<AccessibilityConformance>().Contains(Input.AccessibilityStatus, StringComparer.Ordinal))
                status = Enum.Parse<AccessibilityConformance>(Input.AccessibilityStatus!);
        }
        var edit = new LegalPageEdit(Input.Title ?? "", Input.BodyMarkdown ?? "", Input.TitleEn, Input.BodyMarkdownEn, status);
        if (Errors.Count == 0)
        {
            var by = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";
            foreach (var (field, message) in await legalPages.SaveAsync(Slug, edit, Input.Version, by, cancellationToken))
                Errors.TryAdd(field, message);
        }
        if (Errors.Count > 0) return Page();
        return Redirect((Request.PathBase.Value ?? "") + "/admin/parametres?enregistre=" + Slug);
    }
}

public sealed class LegalPageInput
{
    public string? Title { get; set; }
    public string? BodyMarkdown { get; set; }
    public string? TitleEn { get; set; }
    public string? BodyMarkdownEn { get; set; }

    /// <summary>Name of an <see cref="AccessibilityConformance"/> value (kept as text so bad values become a field error).</summary>
    public string? AccessibilityStatus { get; set; }

    /// <summary>The version the editor loaded; empty when it started from the default text.</summary>
    public Guid? Version { get; set; }
}
