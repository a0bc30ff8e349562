using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Network.Core.Localization;
using Network.Core.Security;
using Network.Core.Tenancy;

namespace Network.Modules.Tenants.Pages.Admin.Sites;

[RequireNetworkAdministrator]
[HubOnly]
public sealed class EditModel(TenantManager manager, IStringLocalizer T) : SitesPageModel
{
    private static readonly Dictionary<string, string> FieldKeys = new(StringComparer.Ordinal)
    {
        ["displayName"] = "Input.DisplayName",
        ["siteName"] = "Input.SiteName",
        ["baseline"] = "Input.Baseline",
        ["blocMarque"] = "Input.BlocMarque",
        ["operatorName"] = "Input.OperatorName",
        ["contactEmail"] = "Input.ContactEmail",
        ["siret"] = "Input.Siret",
        ["defaultCulture"] = "Input.DefaultCulture",
        ["hosts"] = "Input.Hosts",
    };

    [BindProperty]
    public EditSiteInput Input { get; set; } = new();

    /// <summary>The tenant as stored (name, prefix and state are shown, not edited here).</summary>
    public TenantRecord Site { get; private set; } = null!;

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, bool enregistre, CancellationToken cancellationToken)
    {
        if (await manager.FindRecordAsync(name, cancellationToken) is not { } site) return NotFound();
        Site = site;
        Saved = enregistre;
        Input = EditSiteInput.From(site);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken cancellationToken)
    {
        if (await manager.FindRecordAsync(name, cancellationToken) is not { } site) return NotFound();
        Site = site;
        if (Input.Version is not { } version)
        {
            FormError = T["Le formulaire est incomplet : rechargez la page puis recommencez."];
            return Page();
        }

        var displayName = (Input.DisplayName ?? "").Trim();
        var siteName = (Input.SiteName ?? "").Trim();
        var baseline = (Input.Baseline ?? "").Trim();
        var operatorName = (Input.OperatorName ?? "").Trim();
        var contactEmail = (Input.ContactEmail ?? "").Trim();
        var siret = (Input.Siret ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        var culture = Input.DefaultCulture ?? "";
        var blocMarque = Lines(Input.BlocMarque);
        var hosts = TenantManager.NormalizeHosts(Lines(Input.Hosts));

        var errors = TenantSettingsRules.Check(displayName, contactEmail, siret, culture, blocMarque);
        if (siteName.Length is 0 or > 120) errors.Add(("siteName", T["le nom du site doit faire entre 1 et 120 caractères"]));
        if (baseline.Length > 200) errors.Add(("baseline", T["la devise fait au plus 200 caractères"]));
        if (operatorName.Length is 0 or > 150) errors.Add(("operatorName", T["le nom de l'opérateur doit faire entre 1 et 150 caractères"]));
        errors.AddRange(await manager.CheckHostsAsync(hosts, exceptTenant: name, cancellationToken));
        if (errors.Count > 0)
        {
            AddErrors(errors, FieldKeys);
            return Page();
        }

        try
        {
            await manager.UpdateSettingsAsync(name, record =>
            {
                record.DisplayName = displayName;
                record.SiteName = siteName;
                record.Baseline = baseline;
                record.OperatorName = operatorName;
                record.ContactEmail = contactEmail;
                record.Siret = siret;
                record.DefaultCulture = culture;
                record.BlocMarqueLines = blocMarque;
                // Keep the rows of unchanged host names; remove and add only the differences.
                record.Hosts.RemoveAll(h => !hosts.Contains(h.HostName, StringComparer.Ordinal));
                foreach (var host in hosts.Where(h => record.Hosts.All(existing => existing.HostName != h)))
                    record.Hosts.Add(new TenantHostName { HostName = host });
            }, cancellationToken, expectedVersion: version);
        }
        catch (TenantValidationException exception)
        {
            AddErrors(exception, FieldKeys);
            return Page();
        }
        return Redirect(Url.Content($"~/admin/sites/{Uri.EscapeDataString(name)}?enregistre=true"));
    }

    public IReadOnlyList<(string Value, string Label)> Cultures
        => LocalizationCatalog.SupportedCultures.Select(c => (c, c == "fr" ? T["Français"].Value : T["Anglais"].Value)).ToList();
}

public sealed class EditSiteInput
{
    /// <summary>The version the form was filled from: a save based on an older one is refused.</summary>
    public Guid? Version { get; set; }
    public string? DisplayName { get; set; }
    public string? SiteName { get; set; }
    public string? Baseline { get; set; }

    /// <summary>One bloc-marque line per text line.</summary>
    public string? BlocMarque { get; set; }
    public string? OperatorName { get; set; }
    public string? ContactEmail { get; set; }
    public string? Siret { get; set; }
    public string? DefaultCulture { get; set; }

    /// <summary>One host name per line.</summary>
    public string? Hosts { get; set; }

    public static EditSiteInput From(TenantRecord site) => new()
    {
        Version = site.Version,
        DisplayName = site.DisplayName,
        SiteName = site.SiteName,
        Baseline = site.Baseline,
        BlocMarque = string.Join("\n", site.BlocMarqueLines),
        OperatorName = site.OperatorName,
        ContactEmail = site.ContactEmail,
        Siret = site.Siret,
        DefaultCulture = site.DefaultCulture,
        Hosts = string.Join("\n", site.Hosts.Select(h => h.HostName).Order(StringComparer.Ordinal)),
    };
}
