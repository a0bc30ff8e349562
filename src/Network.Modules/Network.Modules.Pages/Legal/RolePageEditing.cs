using Microsoft.EntityFrameworkCore;
using Network.Core.Theming;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Services;

namespace Network.Modules.Pages.Legal;

/// <summary>What the pages admin needs about role pages: which item holds a role (in any status) and the rules of their own fields.</summary>
public sealed class RolePageEditing(ContentDbContext db, PageType type)
{
    /// <summary>The tenant's own page items holding a role, by role (any status: a draft is still the page being written).</summary>
    public async Task<IReadOnlyDictionary<string, ContentItem>> ItemsByRoleAsync(CancellationToken cancellationToken = default)
    {
        // A tenant has few pages: reading their fields beats a JSON query the provider may not offer.
        var items = await db.Items.AsNoTracking()
            .Where(i => i.ContentType == PageType.TypeName && i.OriginTenant == null)
            .OrderByDescending(i => i.UpdatedUtc)
            .ToListAsync(cancellationToken);
        var byRole = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var role = type.Read(item).Role;
            if (PageRoles.IsKnown(role)) byRole.TryAdd(role, item);
        }
        return byRole;
    }

    /// <summary>
    /// Problems of a role page's own fields (ModelState-style field → French message): the page type's rules, plus the
    /// status the accessibility page must declare when it is first written.
    /// </summary>
    public IEnumerable<(string Field, string Message)> Check(string role, PageFields fields)
    {
        foreach (var problem in type.Validate(fields)) yield return problem;
        if (role == PageRoles.Accessibility && fields.AccessibilityStatus is null)
            yield return ("AccessibilityStatus", "Choisissez l'état de conformité du site.");
    }

    /// <summary>The choices of the accessibility status select: (enum name, French label).</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> StatusChoices =
    [
        (nameof(AccessibilityConformance.NonConforme), "Non conforme : aucun audit en cours de validité, ou moins de 50 % des critères respectés"),
        (nameof(AccessibilityConformance.PartiellementConforme), "Partiellement conforme : au moins 50 % des critères du RGAA respectés"),
        (nameof(AccessibilityConformance.TotalementConforme), "Totalement conforme : tous les critères du RGAA respectés"),
    ];
}
