using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;

namespace Network.Modules.Content.Pages.Admin.Contenus;

/// <summary>An item's revisions for coordinators: who did what and when, a field-by-field comparison of two revisions, and restoring one.</summary>
[RequirePermission("ModerateContent")]
public sealed class HistoriqueModel(ContentStore store, ContentTypeRegistry types, IStringLocalizer T) : ContentAdminPageModel
{
    public ContentItem Item { get; private set; } = null!;
    public ContentTypeDefinition? Type { get; private set; }
    public IReadOnlyList<ContentRevision> Revisions { get; private set; } = [];

    /// <summary>The two revisions compared (older first) and the rows of the comparison; null when none was asked.</summary>
    public (ContentRevision From, ContentRevision To)? Compared { get; private set; }
    public IReadOnlyList<RevisionDiffRow> Diff { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "de")]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "a")]
    public int? To { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        await LoadActorAsync();
        if (!await LoadAsync(id)) return NotFound();
        if (From is null && To is null) return Page();
        var from = Revisions.FirstOrDefault(r => r.Number == From);
        var to = Revisions.FirstOrDefault(r => r.Number == To);
        if (from is null || to is null || !ModelState.IsValid)
        {
            FormError = T["Choisissez deux versions de la liste à comparer."];
            return Refused(StatusCodes.Status400BadRequest);
        }
        if (from.Number > to.Number) (from, to) = (to, from);
        Compared = (from, to);
        Diff = RevisionDiff.Compare(from, to, Type?.FieldLabels ?? new Dictionary<string, string>());
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int? version, int? number)
    {
        var actor = await LoadActorAsync();
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid || version is null || number is null)
        {
            FormError = T[InvalidRequest];
            return Refused(StatusCodes.Status400BadRequest);
        }
        var result = await store.RestoreAsync(id, version.Value, number.Value, actor);
        if (result.Succeeded)
        {
            StatusMessage = T["La version {0} est rétablie ; une nouvelle version le note dans l'historique.", number.Value];
            return RedirectToPage(new { id });
        }
        if (result.NotFound) return NotFound();
        if (result.Forbidden) return Forbid();
        await LoadAsync(id);
        Conflict = result.Conflict;
        FormError = string.Join(" ", result.Errors.Select(e => T[e.Message].Value));
        return Refused(result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private async Task<bool> LoadAsync(int id)
    {
        var item = await store.FindAsync(id);
        if (item is null || !ContentWorkflow.CanView(item, Actor) || !Actor.CanModerate) return false;
        Item = item;
        Type = types.Find(item.ContentType);
        Revisions = await store.HistoryAsync(id);
        return true;
    }

    public static string ActionLabel(string action) => action switch
    {
        "create" => "Création",
        "save" => "Enregistrement",
        "submit" => "Soumission",
        "withdraw" => "Retour en brouillon",
        "publish" => "Publication",
        "schedule" => "Programmation",
        "reject" => "Refus",
        "archive" => "Archivage",
        "restore" => "Rétablissement d'une version",
        "feature" => "Mise en avant",
        "unfeature" => "Fin de la mise en avant",
        _ => action,
    };
}
