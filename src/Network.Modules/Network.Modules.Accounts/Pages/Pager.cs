namespace Network.Modules.Accounts.Pages;

/// <summary>A page of a long list (pagination, never infinite scroll), rendered by the theme's <c>_DsfrPagination</c> through <see cref="View"/>.</summary>
public sealed record Pager(int Page, int PageSize, int Total, Func<int, string> UrlOf)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int Skip => (Page - 1) * PageSize;

    public Network.Core.Theming.PaginationView View => new(Page, PageCount, UrlOf);

    /// <summary>The requested page, kept within the pages that exist.</summary>
    public static int Clamp(int? page, int total, int pageSize)
        => Math.Clamp(page ?? 1, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
}
