using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Network.Core.Security;
using Network.Modules.Accounts.Pages;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Pages.Admin.Contenus;

/// <summary>
/// The tenant's items of every type: the moderation queue for coordinators, and the list with filters by type and
/// status. Contributors see only their own items.
/// </summary>
[RequirePermission("ContributeContent")]
public sealed class IndexModel(ContentDbContext db, ContentTypeRegistry types) : ContentAdminPageModel
{
    public const int PageSize = 30;

    /// <summary>Status names in addresses (French, stable).</summary>
    public static readonly IReadOnlyDictionary<string, ContentStatus> StatusSlugs = new Dictionary<string, ContentStatus>(StringComparer.Ordinal)
    {
        ["brouillon"] = ContentStatus.Draft,
        ["soumis"] = ContentStatus.Submitted,
        ["programme"] = ContentStatus.Scheduled,
        ["publie"] = ContentStatus.Published,
        ["refuse"] = ContentStatus.Rejected,
        ["archive"] = ContentStatus.Archived,
    };

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? TypeFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    /// <summary>Types whose module is enabled here, in menu order.</summary>
    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public IReadOnlyList<ContentItem> Items { get; private set; } = [];

    /// <summary>Submitted items waiting for a coordinator, oldest first (coordinators only).</summary>
    public IReadOnlyList<ContentItem> Queue { get; private set; } = [];

    public int QueueTotal { get; private set; }

    public Pager Pager { get; private set; } = null!;

    public ContentTypeDefinition? TypeOf(ContentItem item) => types.Find(item.ContentType);

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await LoadActorAsync();
        Types = types.All.Where(t => Tenant.IsEnabled(t.ModuleId)).OrderBy(t => t.DisplayName, StringComparer.CurrentCulture).ToList();
        var typeNames = Types.Select(t => t.Name).ToList();
        // Unknown filter values are ignored rather than refused: they come from edited addresses.
        if (TypeFilter is not null && !typeNames.Contains(TypeFilter)) TypeFilter = null;
        ContentStatus? status = StatusFilter is not null && StatusSlugs.TryGetValue(StatusFilter, out var s) ? s : null;
        if (status is null) StatusFilter = null;

        var query = db.Items.AsNoTracking().Where(i => i.OriginTenant == null && typeNames.Contains(i.ContentType));
        if (!actor.CanModerate) query = query.Where(i => i.AuthorId == actor.UserId);
        else
        {
            var queue = query.Where(i => i.Status == ContentStatus.Submitted);
            QueueTotal = await queue.CountAsync();
            Queue = await queue.OrderBy(i => i.UpdatedUtc).Take(10).ToListAsync();
        }
        if (TypeFilter is not null) query = query.Where(i => i.ContentType == TypeFilter);
        if (status is { } wanted) query = query.Where(i => i.Status == wanted);

        var total = await query.CountAsync();
        var page = Pager.Clamp(PageNumber, total, PageSize);
        Pager = new Pager(page, PageSize, total, PageUrl);
        Items = await query.OrderByDescending(i => i.UpdatedUtc).ThenByDescending(i => i.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync();
        return Page();
    }

    private string PageUrl(int page)
    {
        var query = new Dictionary<string, string?> { ["p"] = page.ToString(CultureInfo.InvariantCulture) };
        if (TypeFilter is not null) query["type"] = TypeFilter;
        if (StatusFilter is not null) query["statut"] = StatusFilter;
        return QueryHelpers.AddQueryString(Url.Content("~/admin/contenus"), query);
    }
}
