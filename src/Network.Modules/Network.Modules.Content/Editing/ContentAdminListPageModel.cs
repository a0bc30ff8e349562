using Network.Core.Theming;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;

namespace Network.Modules.Content.Editing;

/// <summary>The admin list of one content type: all the tenant's items for moderators, their own for contributors.</summary>
public abstract class ContentAdminListPageModel(ContentDbContext db, ContentActors actors, ContentTypeDefinition type) : PageModel
{
    public const int PageSize = 30;

    public sealed record Row(int Id, string Title, string Slug, ContentStatus Status, DateTime UpdatedUtc, string AuthorName, bool CanEdit);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool Moderator { get; private set; }
    public PaginationView Pagination { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(User);
        Moderator = actor.CanModerate;
        var query = db.Items.AsNoTracking().Where(i => i.ContentType == type.Name && i.OriginTenant == null);
        if (!actor.CanModerate) query = query.Where(i => i.AuthorId == actor.UserId);
        Total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page ?? 1, 1, pageCount);
        var items = await query.OrderByDescending(i => i.UpdatedUtc).ThenByDescending(i => i.Id)
            .Skip((current - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Rows = items.Select(i => new Row(i.Id, i.Title, i.Slug, i.Status, i.UpdatedUtc, i.AuthorName, ContentWorkflow.CanEdit(i, actor))).ToList();
        var basePath = (Request.PathBase.Value ?? "") + type.AdminPath;
        Pagination = new PaginationView(current, pageCount, p => p == 1 ? basePath : $"{basePath}?page={p}");
        return Page();
    }
}
