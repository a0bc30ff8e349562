using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Pages.Admin;

/// <summary>The tenant's controlled vocabularies: add, rename (the stored value stays), reorder, remove unused terms.</summary>
[RequirePermission("ModerateContent")]
public sealed class VocabulairesModel(VocabularyService vocabularies, IStringLocalizer T) : ContentAdminPageModel
{
    public IReadOnlyList<(VocabularyDefinition Definition, IReadOnlyList<VocabularyEntry> Terms)> Lists { get; private set; } = [];

    /// <summary>The form the error belongs to ("add-domains", "rename-12"…) and what was typed in it.</summary>
    public string? ErrorForm { get; private set; }
    public string? TypedLabel { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAddAsync(string? vocabulary, string? label)
        => ApplyAsync($"add-{vocabulary}", label, () => vocabularies.AddAsync(vocabulary ?? "", label), T["Terme « {0} » ajouté.", Clean(label)]);

    public Task<IActionResult> OnPostRenameAsync(string? vocabulary, int? id, string? label)
        => id is null ? InvalidAsync() : ApplyAsync($"rename-{id}", label, () => vocabularies.RenameAsync(vocabulary ?? "", id.Value, label), T["Terme renommé en « {0} ».", Clean(label)]);

    public Task<IActionResult> OnPostMoveAsync(string? vocabulary, int? id, string? direction)
        => id is null || direction is not ("up" or "down") ? InvalidAsync()
            : ApplyAsync($"move-{id}", null, () => vocabularies.MoveAsync(vocabulary ?? "", id.Value, direction == "up" ? -1 : 1), T["Ordre enregistré."]);

    public Task<IActionResult> OnPostRemoveAsync(string? vocabulary, int? id)
        => id is null ? InvalidAsync() : ApplyAsync($"remove-{id}", null, () => vocabularies.RemoveAsync(vocabulary ?? "", id.Value), T["Terme supprimé."]);

    private async Task<IActionResult> ApplyAsync(string form, string? typed, Func<Task<VocabularyChange>> change, string done)
    {
        if (!ModelState.IsValid) return await InvalidAsync();
        var result = await change();
        if (result.NotFound) return NotFound();
        if (result.Succeeded)
        {
            StatusMessage = done;
            return RedirectToPage();
        }
        ErrorForm = form;
        TypedLabel = typed;
        FormError = T[result.Error!];
        await LoadAsync();
        return Refused(StatusCodes.Status400BadRequest);
    }

    private async Task<IActionResult> InvalidAsync()
    {
        FormError = T[InvalidRequest];
        await LoadAsync();
        return Refused(StatusCodes.Status400BadRequest);
    }

    private static string Clean(string? label) => string.Join(' ', (label ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task LoadAsync()
    {
        var lists = new List<(VocabularyDefinition, IReadOnlyList<VocabularyEntry>)>();
        foreach (var definition in Vocabularies.All) lists.Add((definition, await vocabularies.GetAsync(definition.Name)));
        Lists = lists;
    }
}
