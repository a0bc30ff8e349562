using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Core.Modules;
using Network.Core.Security;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Services;

namespace Network.Modules.Accounts.Pages.Admin;

/// <summary>
/// The roles of the CURRENT tenant: who holds which role here, and which permissions each role holds here.
/// Every assignment read or written is filtered on the current tenant's name.
/// </summary>
[RequirePermission("ManageRoles")]
public sealed class RolesModel(AccountsDbContext accounts, TenantRolesDbContext roleDefinitions, UserManager<NetworkUser> users, ModuleCatalog modules, IStringLocalizer T) : AccountPageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<AssignmentRow> Assignments { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public IReadOnlyList<RoleDefinition> Roles { get; private set; } = [];

    /// <summary>Permissions declared by the modules enabled in this tenant.</summary>
    public IReadOnlyList<Permission> AvailablePermissions { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public GrantInput Grant { get; set; } = new();

    /// <summary>An error that belongs to no single field (revoke, permissions).</summary>
    public string? FormError { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>A coordinator must never lock the tenant out of its own roles admin.</summary>
    public static bool IsLockedPermission(string role, string permission)
        => role == NetworkRoles.Coordinator && permission == AccountsModule.ManageRoles.Name;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostGrantAsync([Bind(Prefix = nameof(Grant))] GrantInput grant)
    {
        Grant = grant;
        if (ModelState.IsValid && !NetworkRoles.IsTenantRole(grant.Role!))
            ModelState.AddModelError("Grant.Role", T["Choisissez un des rôles proposés."]);
        if (!ModelState.IsValid) return await PageAsync(StatusCodes.Status400BadRequest);

        var user = await users.FindByEmailAsync(grant.Email!.Trim());
        if (user is null)
        {
            ModelState.AddModelError("Grant.Email", T["Aucun compte n'utilise cette adresse. La personne doit d'abord créer son compte sur le site."]);
            return await PageAsync(StatusCodes.Status400BadRequest);
        }
        var tenantName = Tenant.Name;
        if (await accounts.TenantRoleAssignments.AnyAsync(a => a.UserId == user.Id && a.TenantName == tenantName && a.Role == grant.Role))
            return await DuplicateAsync(user);

        accounts.TenantRoleAssignments.Add(new TenantRoleAssignment
        {
            UserId = user.Id,
            TenantName = tenantName,
            Role = grant.Role!,
            GrantedUtc = DateTime.UtcNow,
            GrantedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier),
        });
        try
        {
            await accounts.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same grant submitted twice at once: the unique index kept one.
            accounts.ChangeTracker.Clear();
            return await DuplicateAsync(user);
        }
        StatusMessage = T["Rôle « {0} » attribué à {1}.", T[RoleLabels.Of(grant.Role!)].Value, user.Email!];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            FormError = T["La demande n'est pas valide."];
            return await PageAsync(StatusCodes.Status400BadRequest);
        }
        var tenantName = Tenant.Name;
        // An id of another tenant's assignment does not exist here.
        var assignment = await accounts.TenantRoleAssignments.SingleOrDefaultAsync(a => a.Id == id && a.TenantName == tenantName);
        if (assignment is null) return NotFound();
        if (assignment.Role == NetworkRoles.Coordinator
            && assignment.UserId == User.FindFirstValue(ClaimTypes.NameIdentifier)
            && !User.IsInRole(NetworkRoles.Administrator))
        {
            FormError = T["Vous ne pouvez pas retirer votre propre rôle de coordination : demandez-le à une autre personne qui coordonne le site."];
            return await PageAsync(StatusCodes.Status400BadRequest);
        }
        accounts.TenantRoleAssignments.Remove(assignment);
        await accounts.SaveChangesAsync();
        var email = await accounts.Users.Where(u => u.Id == assignment.UserId).Select(u => u.Email).SingleOrDefaultAsync();
        StatusMessage = T["Rôle « {0} » retiré à {1}.", T[RoleLabels.Of(assignment.Role)].Value, email ?? ""];
        return RedirectToPage();
    }

    /// <param name="grants">Checked boxes, each "Role:Permission".</param>
    public async Task<IActionResult> OnPostPermissionsAsync(List<string>? grants)
    {
        var available = EnabledPermissions().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var wanted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var role in NetworkRoles.TenantRoles) wanted[role] = new HashSet<string>(StringComparer.Ordinal);
        foreach (var grant in grants ?? [])
        {
            var parts = grant.Split(':');
            if (parts.Length != 2 || !wanted.TryGetValue(parts[0], out var set) || !available.Contains(parts[1]))
            {
                FormError = T["La demande n'est pas valide : rôle ou permission inconnus."];
                return await PageAsync(StatusCodes.Status400BadRequest);
            }
            set.Add(parts[1]);
        }
        wanted[NetworkRoles.Coordinator].Add(AccountsModule.ManageRoles.Name);

        var existing = await roleDefinitions.Roles.ToDictionaryAsync(r => r.Name, StringComparer.Ordinal);
        foreach (var (role, permissions) in wanted)
        {
            if (!existing.TryGetValue(role, out var definition))
                roleDefinitions.Roles.Add(definition = new RoleDefinition { Name = role });
            // Permissions of modules disabled here are kept for the day they are enabled again.
            definition.Permissions = definition.Permissions.Where(p => !available.Contains(p))
                .Concat(permissions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }
        await roleDefinitions.SaveChangesAsync();
        StatusMessage = T["Permissions des rôles enregistrées."];
        return RedirectToPage();
    }

    private async Task<IActionResult> DuplicateAsync(NetworkUser user)
    {
        ModelState.AddModelError("Grant.Email", T["{0} a déjà le rôle « {1} » sur ce site.", user.Email!, T[RoleLabels.Of(Grant.Role!)].Value]);
        return await PageAsync(StatusCodes.Status409Conflict);
    }

    private async Task<IActionResult> PageAsync(int statusCode)
    {
        await LoadAsync();
        Response.StatusCode = statusCode;
        return Page();
    }

    private IEnumerable<Permission> EnabledPermissions()
        => modules.Modules.Where(m => m.IsAlwaysEnabled || Tenant.IsEnabled(m.Id))
            .SelectMany(m => m.Permissions)
            .DistinctBy(p => p.Name);

    private async Task LoadAsync()
    {
        var tenantName = Tenant.Name;
        var query = from a in accounts.TenantRoleAssignments.AsNoTracking()
                    where a.TenantName == tenantName
                    join u in accounts.Users.AsNoTracking() on a.UserId equals u.Id
                    select new { a.Id, a.Role, a.GrantedUtc, a.GrantedByUserId, u.Email, u.NormalizedEmail, u.DisplayName };
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var normalized = search.ToUpperInvariant();
            query = query.Where(r => r.NormalizedEmail!.Contains(normalized) || r.DisplayName.Contains(search));
        }
        var total = await query.CountAsync();
        var page = Pager.Clamp(PageNumber, total, PageSize);
        Pager = new Pager(page, PageSize, total, p => PageUrl(p));
        var rows = await query.OrderBy(r => r.NormalizedEmail).ThenBy(r => r.Role).Skip(Pager.Skip).Take(PageSize).ToListAsync();
        var grantorIds = rows.Where(r => r.GrantedByUserId != null).Select(r => r.GrantedByUserId!).Distinct().ToList();
        var grantors = await accounts.Users.AsNoTracking().Where(u => grantorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Assignments = rows.Select(r => new AssignmentRow(r.Id, r.DisplayName, r.Email ?? "", r.Role, r.GrantedUtc,
            r.GrantedByUserId is null ? null : grantors.GetValueOrDefault(r.GrantedByUserId))).ToList();

        var definitions = await roleDefinitions.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name, StringComparer.Ordinal);
        Roles = NetworkRoles.TenantRoles.Select(r => definitions.GetValueOrDefault(r) ?? new RoleDefinition { Name = r }).ToList();
        AvailablePermissions = EnabledPermissions().ToList();
    }

    private string PageUrl(int page)
    {
        var query = new Dictionary<string, string?> { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(Search)) query["q"] = Search.Trim();
        return QueryHelpers.AddQueryString(Url.Content("~/admin/roles"), query);
    }
}

public sealed record AssignmentRow(int Id, string DisplayName, string Email, string Role, DateTime GrantedUtc, string? GrantedBy);

public sealed class GrantInput
{
    [Required(ErrorMessage = "Indiquez l'adresse électronique du compte.")]
    [EmailAddress(ErrorMessage = "L'adresse électronique n'est pas valide. Exemple : nom@domaine.fr")]
    [StringLength(256, ErrorMessage = "L'adresse électronique ne doit pas dépasser 256 caractères.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Choisissez un rôle.")]
    public string? Role { get; set; }
}
