using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Legal;

namespace Network.Modules.Pages.Pages.Admin;

/// <summary>The role pages of the tenant (the three legal pages and the contact page), written or still showing their default text.</summary>
[RequirePermission("ModerateContent")]
public sealed class RolePagesAdminModel(RolePageEditing editing, TenantContext tenantContext) : PageModel
{
    public sealed record Row(string Role, string Label, ContentItem? Item);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The role just written (PRG notice).</summary>
    public string? Saved { get; private set; }

    public TenantInfo Tenant => tenantContext.Required;

    public static string LabelOf(string role) => role switch
    {
        PageRoles.Accessibility => "Accessibilité",
        PageRoles.LegalNotice => "Mentions légales",
        PageRoles.PersonalData => "Données personnelles et cookies",
        _ => "Nous contacter",
    };

    public async Task OnGetAsync(string? enregistre, CancellationToken cancellationToken)
    {
        var items = await editing.ItemsByRoleAsync(cancellationToken);
        Rows = PageRoles.All.Select(role => new Row(role, LabelOf(role), items.GetValueOrDefault(role))).ToList();
        Saved = PageRoles.IsKnown(enregistre) ? enregistre : null;
    }
}
