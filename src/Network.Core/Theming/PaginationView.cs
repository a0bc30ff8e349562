namespace Network.Core.Theming;

/// <summary>What the theme's DSFR pagination partial (<c>_DsfrPagination</c>) shows: the current page, how many there are and each one's address.</summary>
public sealed record PaginationView(int Page, int PageCount, Func<int, string> UrlOf);
