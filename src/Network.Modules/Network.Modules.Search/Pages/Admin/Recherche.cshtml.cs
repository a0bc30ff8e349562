using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Search.Index;
using Network.Modules.Search.Indexing;

namespace Network.Modules.Search.Pages.Admin;

/// <summary>The network's search index: what it holds, and its rebuild (all regions or one) with live progress.</summary>
[HubOnly]
[RequirePermission("RebuildSearchIndex")]
public sealed class RechercheModel(SearchIndex index, SearchRebuildService rebuilds, TenantCatalog catalog, IStringLocalizer T) : PageModel
{
    /// <summary>The form's value for "every region".</summary>
    public const string AllTenants = "";

    /// <summary>Seconds between reloads of the page while a rebuild runs.</summary>
    public const int RefreshSeconds = 2;

    [BindProperty(Name = "site")]
    public string? Site { get; set; }

    public string? SiteError { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public bool NoticeIsError { get; set; }

    public SearchIndexStats Stats { get; private set; } = new(0, new Dictionary<string, int>(), 0, false);
    public IReadOnlyList<TenantInfo> Tenants { get; private set; } = [];
    public SearchRebuildProgress Progress { get; private set; } = SearchRebuildProgress.Idle;

    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    public IActionResult OnPost()
    {
        var site = Site ?? AllTenants;
        var start = site == AllTenants || rebuilds.Tenants.Any(t => t.Name == site)
            ? rebuilds.TryStart(site == AllTenants ? null : site)
            : new SearchRebuildStart(SearchRebuildRefusal.UnknownTenant, Task.CompletedTask);
        switch (start.Refusal)
        {
            case SearchRebuildRefusal.UnknownTenant:
                SiteError = T["Choisissez une région de la liste, ou tout le réseau."];
                Load();
                return Page();
            case SearchRebuildRefusal.AlreadyRunning:
                Notice = T["Une reconstruction est déjà en cours : attendez qu'elle se termine avant d'en lancer une autre."];
                NoticeIsError = true;
                break;
            default:
                Notice = site == AllTenants
                    ? T["Reconstruction de l'index de tout le réseau lancée."]
                    : T["Reconstruction de l'index de {0} lancée.", TenantName(site)];
                NoticeIsError = false;
                break;
        }
        return RedirectToPage();
    }

    public string TenantName(string? name)
        => name is null ? T["Tout le réseau"] : catalog.Find(name)?.DisplayName ?? name;

    private void Load()
    {
        Progress = rebuilds.Progress;
        Tenants = rebuilds.Tenants;
        Stats = index.Stats();
        if (Progress.IsRunning) ViewData[Network.Core.Theming.ThemeViewData.RefreshSeconds] = RefreshSeconds;
    }
}
