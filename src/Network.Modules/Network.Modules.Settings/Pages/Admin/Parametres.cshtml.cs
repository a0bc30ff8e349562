using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Modules;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Settings.Services;

namespace Network.Modules.Settings.Pages.Admin;

/// <summary>The tenant's identity (site name, baseline, bloc-marque, operator, contact) and the list of its legal pages.</summary>
[RequirePermission("ManageSettings")]
public sealed class SiteSettingsPageModel(TenantManager tenants, TenantContext tenantContext, LegalPageService legalPages, ModuleCatalog modules) : PageModel
{
    public const int SiteNameMaxLength = 120;
    public const int BaselineMaxLength = 180;
    public const int OperatorNameMaxLength = 120;
    public const int BlocMarqueLineMaxLength = 60;

    [BindProperty]
    public SiteSettingsInput Input { get; set; } = new();

    public IReadOnlyList<LegalPageContent> LegalPages { get; private set; } = [];

    /// <summary>Legal pages are written in the pages admin, where the tenant has the Pages module.</summary>
    public bool PagesEnabled => modules.IsEnabled(tenantContext.Required, "Pages");

    /// <summary>Which form was just saved ("site"), for the confirmation message.</summary>
    public string? Saved { get; private set; }

    /// <summary>Problems by input name ("Input.ContactEmail"), in French.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync(string? enregistre, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        Input = SiteSettingsInput.From(tenant);
        Saved = enregistre;
        LegalPages = await legalPages.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count > 0) Errors.TryAdd(key == "Input.Version" ? "Input.Version" : key, key == "Input.Version"
                ? "le formulaire est incomplet ; rechargez la page et recommencez"
                : "valeur invalide");
        }
        Validate();
        if (Errors.Count == 0)
        {
            var lines = Input.BlocMarqueLines();
            try
            {
                await tenants.UpdateSettingsAsync(tenant.Name, record =>
                {
                    if (record.Version != Input.Version)
                        throw new TenantValidationException([("version", "les paramètres ont été modifiés entre-temps par quelqu'un d'autre ; rechargez la page et recommencez")]);
                    record.SiteName = Input.SiteName!.Trim();
                    record.Baseline = (Input.Baseline ?? "").Trim();
                    record.BlocMarqueLines = lines.ToList();
                    record.OperatorName = Input.OperatorName!.Trim();
                    record.ContactEmail = Input.ContactEmail!.Trim();
                }, cancellationToken);
                return Redirect((Request.PathBase.Value ?? "") + "/admin/parametres?enregistre=site");
            }
            catch (TenantValidationException exception)
            {
                foreach (var (field, message) in exception.Errors) Errors.TryAdd(InputName(field), message);
            }
        }
        LegalPages = await legalPages.ListAsync(cancellationToken);
        return Page();
    }

    private void Validate()
    {
        var siteName = Input.SiteName?.Trim() ?? "";
        if (siteName.Length == 0) Errors.TryAdd("Input.SiteName", "le nom du site est obligatoire");
        else if (siteName.Length > SiteNameMaxLength) Errors.TryAdd("Input.SiteName", "le nom du site fait au plus 120 caractères");
        if ((Input.Baseline?.Trim().Length ?? 0) > BaselineMaxLength) Errors.TryAdd("Input.Baseline", "la devise fait au plus 180 caractères");
        var operatorName = Input.OperatorName?.Trim() ?? "";
        if (operatorName.Length == 0) Errors.TryAdd("Input.OperatorName", "le nom de l'éditeur est obligatoire");
        else if (operatorName.Length > OperatorNameMaxLength) Errors.TryAdd("Input.OperatorName", "le nom de l'éditeur fait au plus 120 caractères");
        var email = Input.ContactEmail?.Trim() ?? "";
        if (email.Length == 0) Errors.TryAdd("Input.ContactEmail", "l'adresse de contact est obligatoire");
        foreach (var (field, message) in TenantSettingsRules.Check(null, email.Length == 0 ? null : email, null, null, Input.BlocMarqueLines()))
            Errors.TryAdd(InputName(field), message);
    }

    private static string InputName(string field) => field switch
    {
        "contactEmail" => "Input.ContactEmail",
        "blocMarque" => "Input.BlocMarque1",
        "displayName" or "siteName" => "Input.SiteName",
        _ => "Input.Version",
    };
}

public sealed class SiteSettingsInput
{
    public string? SiteName { get; set; }
    public string? Baseline { get; set; }
    public string? BlocMarque1 { get; set; }
    public string? BlocMarque2 { get; set; }
    public string? BlocMarque3 { get; set; }
    public string? BlocMarque4 { get; set; }
    public string? OperatorName { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>The registry version the form was loaded from (lost-update guard).</summary>
    public Guid Version { get; set; }

    public IReadOnlyList<string> BlocMarqueLines()
        => new[] { BlocMarque1, BlocMarque2, BlocMarque3, BlocMarque4 }.Select(l => l?.Trim() ?? "").Where(l => l.Length > 0).ToList();

    public static SiteSettingsInput From(TenantInfo tenant) => new()
    {
        SiteName = tenant.SiteName,
        Baseline = tenant.Baseline,
        BlocMarque1 = tenant.BlocMarqueLines.ElementAtOrDefault(0),
        BlocMarque2 = tenant.BlocMarqueLines.ElementAtOrDefault(1),
        BlocMarque3 = tenant.BlocMarqueLines.ElementAtOrDefault(2),
        BlocMarque4 = tenant.BlocMarqueLines.ElementAtOrDefault(3),
        OperatorName = tenant.OperatorName,
        ContactEmail = tenant.ContactEmail,
        Version = tenant.Version,
    };
}
