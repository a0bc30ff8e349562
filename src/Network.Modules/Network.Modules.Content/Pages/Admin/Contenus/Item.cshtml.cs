using Network.Core.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;

namespace Network.Modules.Content.Pages.Admin.Contenus;

/// <summary>
/// One item's workflow panel: its state, the refusal reason, the actions the person may take (each form carries the
/// version it was based on), featuring on the hub, links to the editor, the public page and the history.
/// Items of other tenants do not exist here; items the person may not see answer 404 as well.
/// </summary>
[Authorize]
public sealed class ItemModel(ContentStore store, ContentTypeRegistry types, IStringLocalizer T) : ContentAdminPageModel
{
    public ContentItem Item { get; private set; } = null!;
    public ContentTypeDefinition? Type { get; private set; }
    public IReadOnlyList<ContentAction> Actions { get; private set; } = [];

    /// <summary>Errors of the last submission, by field ("Reason", "PublishAt").</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>What was typed in the refused form, given back.</summary>
    public string? Reason { get; private set; }
    public string? PublishDate { get; private set; }
    public string? PublishTime { get; private set; }

    public bool CanFeature => Actor.CanModerate && Item.Status == ContentStatus.Published;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var actor = await LoadActorAsync();
        if (!actor.CanContribute && !actor.CanModerate) return Forbid();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostActionAsync(int id, int? version, string? action, string? reason, string? publishDate, string? publishTime)
    {
        var actor = await LoadActorAsync();
        if (!actor.CanContribute && !actor.CanModerate) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        Reason = reason;
        PublishDate = publishDate;
        PublishTime = publishTime;
        if (!ModelState.IsValid || version is null || !Enum.TryParse<ContentAction>(action, ignoreCase: false, out var chosen) || !Enum.IsDefined(chosen) || int.TryParse(action, out _) || chosen == ContentAction.Restore)
        {
            FormError = T[InvalidRequest];
            return Refused(StatusCodes.Status400BadRequest);
        }

        DateTime? publishAt = null;
        if (chosen == ContentAction.Schedule)
        {
            var (utc, error) = ParisTime.ParseToUtc(publishDate, publishTime);
            if (error is not null)
            {
                FieldErrors["PublishAt"] = T[error];
                return Refused(StatusCodes.Status400BadRequest);
            }
            publishAt = utc;
        }
        var result = await store.PerformAsync(id, version.Value, chosen, actor, reason, publishAt);
        if (result.Succeeded)
        {
            StatusMessage = T[Done(chosen), result.Item!.Title];
            return chosen == ContentAction.Delete ? Redirect(Url.Content("~/admin/contenus")) : RedirectToPage(new { id });
        }
        return await RefusedAsync(id, result);
    }

    public async Task<IActionResult> OnPostFeatureAsync(int id, int? version, bool? featured)
    {
        var actor = await LoadActorAsync();
        if (!actor.CanContribute && !actor.CanModerate) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid || version is null || featured is null)
        {
            FormError = T[InvalidRequest];
            return Refused(StatusCodes.Status400BadRequest);
        }
        var result = await store.SetFeaturedAsync(id, version.Value, featured.Value, actor);
        if (result.Succeeded)
        {
            StatusMessage = featured.Value ? T["« {0} » est mis en avant sur le hub.", result.Item!.Title] : T["« {0} » n'est plus mis en avant.", result.Item!.Title];
            return RedirectToPage(new { id });
        }
        return await RefusedAsync(id, result);
    }

    /// <summary>The page again with the refusal explained; what is shown is the item as it is now.</summary>
    private async Task<IActionResult> RefusedAsync(int id, Services.ContentResult result)
    {
        if (result.NotFound) return NotFound();
        if (result.Forbidden) return Forbid();
        await LoadAsync(id);
        Conflict = result.Conflict;
        foreach (var error in result.Errors)
        {
            if (error.Field.Length == 0) FormError = T[error.Message];
            else FieldErrors[error.Field] = T[error.Message];
        }
        return Refused(result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private async Task<bool> LoadAsync(int id)
    {
        var item = await store.FindAsync(id);
        if (item is null || !ContentWorkflow.CanView(item, Actor)) return false;
        Item = item;
        Type = types.Find(item.ContentType);
        Actions = ContentWorkflow.Available(item, Actor).Where(a => Type?.Allows(item, a) ?? true).ToList();
        return true;
    }

    private static string Done(ContentAction action) => action switch
    {
        ContentAction.Submit => "« {0} » est soumis à la coordination.",
        ContentAction.Withdraw => "« {0} » est revenu à l'état de brouillon.",
        ContentAction.Publish => "« {0} » est publié.",
        ContentAction.Schedule => "La publication de « {0} » est programmée.",
        ContentAction.Reject => "« {0} » est refusé ; l'auteur verra la raison indiquée.",
        ContentAction.Archive => "« {0} » est archivé.",
        ContentAction.Delete => "« {0} » est supprimé.",
        _ => "« {0} » est enregistré.",
    };

    /// <summary>French label of an action's button.</summary>
    public static string Label(ContentAction action) => action switch
    {
        ContentAction.Submit => "Soumettre à la coordination",
        ContentAction.Withdraw => "Repasser en brouillon",
        ContentAction.Publish => "Publier maintenant",
        ContentAction.Schedule => "Programmer la publication",
        ContentAction.Reject => "Refuser",
        ContentAction.Archive => "Archiver",
        ContentAction.Delete => "Supprimer définitivement",
        _ => action.ToString(),
    };
}
