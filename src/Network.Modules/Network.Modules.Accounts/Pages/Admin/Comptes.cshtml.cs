using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Services;

namespace Network.Modules.Accounts.Pages.Admin;

/// <summary>Every account of the network, with its roles in each tenant; lock and unlock. Hub only, network administrators only.</summary>
[RequireNetworkAdministrator]
public sealed class ComptesModel(AccountsDbContext accounts, UserManager<NetworkUser> users, TenantCatalog tenants, IStringLocalizer T) : AccountPageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public string? FormError { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Tenant.IsHub) return NotFound();
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostLockAsync(string? id) => ChangeLockAsync(id, lockAccount: true);

    public Task<IActionResult> OnPostUnlockAsync(string? id) => ChangeLockAsync(id, lockAccount: false);

    private async Task<IActionResult> ChangeLockAsync(string? id, bool lockAccount)
    {
        if (!Tenant.IsHub) return NotFound();
        var user = string.IsNullOrEmpty(id) ? null : await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (lockAccount && user.Id == User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            FormError = T["Vous ne pouvez pas verrouiller votre propre compte."];
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (lockAccount)
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            // Ends the sessions already open with this account at their next validation.
            await users.UpdateSecurityStampAsync(user);
            StatusMessage = T["Le compte {0} est verrouillé.", user.Email!];
        }
        else
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            StatusMessage = T["Le compte {0} est déverrouillé.", user.Email!];
        }
        return Redirect(PageUrl(PageNumber ?? 1));
    }

    private async Task LoadAsync()
    {
        var query = accounts.Users.AsNoTracking();
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var normalized = search.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(normalized));
        }
        var total = await query.CountAsync();
        Pager = new Pager(Pager.Clamp(PageNumber, total, PageSize), PageSize, total, PageUrl);
        var page = await query.OrderBy(u => u.NormalizedEmail).Skip(Pager.Skip).Take(PageSize).ToListAsync();
        var ids = page.Select(u => u.Id).ToList();
        var assignments = await accounts.TenantRoleAssignments.AsNoTracking().Where(a => ids.Contains(a.UserId)).ToListAsync();
        var administrators = await (from ur in accounts.UserRoles
                                    join r in accounts.Roles on ur.RoleId equals r.Id
                                    where r.Name == NetworkRoles.Administrator && ids.Contains(ur.UserId)
                                    select ur.UserId).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        Accounts = page.Select(u => new AccountRow(
            u.Id, u.DisplayName, u.Email ?? "", u.EmailConfirmed, u.CreatedUtc,
            administrators.Contains(u.Id),
            u.LockoutEnd is { } end && end > now,
            assignments.Where(a => a.UserId == u.Id)
                .GroupBy(a => a.TenantName)
                .Select(g => new SiteRoles(tenants.Find(g.Key)?.DisplayName ?? g.Key, g.Select(a => a.Role).Order(StringComparer.Ordinal).ToList()))
                .OrderBy(s => s.Site, StringComparer.CurrentCulture)
                .ToList())).ToList();
    }

    private string PageUrl(int page)
    {
        var query = new Dictionary<string, string?> { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(Search)) query["q"] = Search.Trim();
        return QueryHelpers.AddQueryString(Url.Content("~/admin/comptes"), query);
    }
}

public sealed record AccountRow(string Id, string DisplayName, string Email, bool EmailConfirmed, DateTime CreatedUtc, bool IsAdministrator, bool IsLocked, IReadOnlyList<SiteRoles> Roles);

public sealed record SiteRoles(string Site, IReadOnlyList<string> Roles);
