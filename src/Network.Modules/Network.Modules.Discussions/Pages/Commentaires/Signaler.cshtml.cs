using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Network.Modules.Discussions.Data;
using Network.Modules.Discussions.Services;

namespace Network.Modules.Discussions.Pages.Commentaires;

/// <summary>Reporting someone else's published comment, once per person, with a reason.</summary>
[Authorize]
public sealed class SignalerModel(CommentDesk desk, DiscussionsDbContext db) : CommentPageModel
{
    /// <summary>The reasons offered (French, localized on the page); "autre" asks for details.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Reasons =
    [
        ("indesirable", "Publicité ou contenu indésirable"),
        ("irrespectueux", "Propos irrespectueux, insultants ou discriminatoires"),
        ("hors-sujet", "Hors sujet"),
        ("donnees", "Données personnelles d'autrui"),
        ("autre", "Autre raison"),
    ];

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Details { get; set; }

    public Comment? Comment { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Refused(CommentOutcome.Refused(404, CommentDesk.CommentNotFound));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Refused(CommentOutcome.Refused(404, CommentDesk.CommentNotFound));
        var label = Reasons.FirstOrDefault(r => r.Value == Reason).Label;
        var details = Details?.Trim() ?? "";
        if (label is null) return Refused(CommentOutcome.Refused(400, CommentDesk.ReasonMissing, "Reason"));
        if (Reason == "autre" && details.Length == 0) return Refused(CommentOutcome.Refused(400, "Précisez la raison de votre signalement.", "Details"));
        var outcome = await desk.ReportAsync(Id, details.Length > 0 ? $"{label} : {details}" : label, await WhoAsync(), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            // Only the reason's length can be a field problem here: it comes from the details typed.
            if (outcome.Problem!.Field == "Reason") return Refused(CommentOutcome.Refused(400, outcome.Problem.Message, "Details"));
            return Refused(outcome);
        }
        TempData["Discussions.Reported"] = true;
        return BackTo(ItemPath!, CommentAnchors.Section);
    }

    private async Task<bool> LoadAsync()
    {
        Comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id && c.Status == CommentStatus.Published && !c.Deleted, HttpContext.RequestAborted);
        if (Comment is null) return false;
        ItemPath = await ItemPathAsync(Comment.ItemId);
        return ItemPath is not null;
    }
}
