using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Theming;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory.Pages.Annuaire.Membres;

/// <summary>The members who made their profile public, by name, with a text search and a tag filter. Private profiles never appear.</summary>
public sealed class MemberListModel(MemberProfiles profiles) : PageModel
{
    public IReadOnlyList<PublicProfile> Profiles { get; private set; } = [];
    public int Total { get; private set; }
    public PaginationView Pagination { get; private set; } = null!;
    public string Text { get; private set; } = "";
    public string Tag { get; private set; } = "";

    public async Task OnGetAsync(string? q, string? competence, int? page, CancellationToken cancellationToken)
    {
        Text = (q ?? "").Trim() is { Length: <= 120 } text ? text : "";
        Tag = (competence ?? "").Trim() is { Length: <= 120 } tag ? tag : "";
        var current = page is > 0 ? page.Value : 1;
        (Profiles, Total) = await profiles.ListPublicAsync(Text, Tag, current, cancellationToken);
        var pageCount = Math.Max(1, (Total + MemberProfiles.PageSize - 1) / MemberProfiles.PageSize);
        var basePath = (Request.PathBase.Value ?? "") + "/annuaire/membres";
        Pagination = new PaginationView(Math.Min(current, pageCount), pageCount, n =>
        {
            var parts = new List<string>();
            if (Text.Length > 0) parts.Add("q=" + Uri.EscapeDataString(Text));
            if (Tag.Length > 0) parts.Add("competence=" + Uri.EscapeDataString(Tag));
            if (n > 1) parts.Add("page=" + n);
            return parts.Count == 0 ? basePath : basePath + "?" + string.Join("&", parts);
        });
    }
}
