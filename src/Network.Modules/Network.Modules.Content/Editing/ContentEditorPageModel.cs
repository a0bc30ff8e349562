using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;

namespace Network.Modules.Content.Editing;

/// <summary>
/// The editor of one content type, shared by every module that has one (showcases, practices…): it loads the item
/// of the current tenant (404 for an unknown id or another type, 403 when the user may not edit it), binds the
/// shared columns (<see cref="Common"/>), lets the type's page read its own fields, saves through
/// <see cref="ContentStore"/>, ties the store's messages to the form fields, and on success redirects (PRG) with a
/// notice. A refused save (bad input, someone else's newer version) writes nothing and shows the user's own input
/// again, so nothing typed is lost.
/// </summary>
/// <remarks>
/// Subclasses add their own bound input (conventionally <c>Form</c>), <see cref="FillForm"/> and <see cref="ReadFormAsync"/>,
/// and declare the routes with two thin pages: <c>AdminPath/nouveau</c> (no id) and <c>AdminPath/{id:int}</c>.
/// </remarks>
public abstract class ContentEditorPageModel<TType, TFields>(ContentEditorServices services, TType type) : PageModel
    where TType : ContentType<TFields>
    where TFields : class, new()
{
    /// <summary>A repeated "create" with the same content by the same author within this delay opens the first item instead.</summary>
    public static readonly TimeSpan DuplicateCreateWindow = TimeSpan.FromMinutes(2);

    private readonly List<(string Key, string Message)> _errors = [];

    [BindProperty]
    public ContentCommonInput Common { get; set; } = new();

    public TType Type => type;

    /// <summary>The saved item (null while creating); after a conflict, the version someone else saved.</summary>
    public ContentItem? Item { get; private set; }

    public ContentActor Actor { get; private set; } = new("", "", false, false, false);

    public bool IsNew => Item is null;

    /// <summary>"cree" or "enregistre" after a successful create or save (PRG).</summary>
    public string? Notice { get; private set; }

    /// <summary>The save was refused because someone else saved a newer version.</summary>
    public bool Conflict { get; private set; }

    /// <summary>Every problem of the last post, in form order: (ModelState key, French message).</summary>
    public IReadOnlyList<(string Key, string Message)> Errors => _errors;

    protected ContentEditorServices Services => services;

    /// <summary>Fills the page's own input from the stored fields (GET).</summary>
    protected abstract void FillForm(TFields fields);

    /// <summary>
    /// Reads the page's own input into fields (POST). <paramref name="stored"/> holds the saved fields (or new ones):
    /// what the form does not carry is kept from there. Report unreadable input with <see cref="AddError"/>.
    /// </summary>
    protected abstract Task<TFields> ReadFormAsync(TFields stored, CancellationToken cancellationToken);

    /// <summary>
    /// After a successful create or save: a type with settings outside its content item (an event's private setup)
    /// writes them here, from input <see cref="ReadFormAsync"/> has already checked.
    /// </summary>
    protected virtual Task SavedAsync(ContentItem item, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Loads what the form offers (vocabularies, choices), before the page renders.</summary>
    protected virtual Task LoadOptionsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The ModelState key of a store or type error field ("Title" → "Common.Title", "ContactEmail" → "Form.ContactEmail").</summary>
    protected virtual string ErrorKey(string field) => field switch
    {
        "" => "",
        "Title" or "Slug" or "Summary" or "SharedWithNetwork" => "Common." + field,
        _ => "Form." + field,
    };

    /// <summary>Records a problem with one input (shown under it and in the summary at the top).</summary>
    protected void AddError(string key, string message)
    {
        _errors.Add((key, message));
        ModelState.AddModelError(key, message);
    }

    /// <summary>
    /// The posted values of a vocabulary field (domains, technologies) that <paramref name="options"/> offers, trimmed and
    /// distinct; any other value is dropped and reported under <paramref name="key"/> with <paramref name="message"/>.
    /// </summary>
    protected List<string> Chosen(List<string> posted, IReadOnlyList<(string Value, string Label)> options, string key, string message)
    {
        var values = posted.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (values.Any(v => options.All(o => o.Value != v))) AddError(key, message);
        return values.Where(v => options.Any(o => o.Value == v)).ToList();
    }

    /// <summary>
    /// A vocabulary's terms as the editor's options; values the item already has stay offered even if a coordinator has
    /// since removed them from the vocabulary.
    /// </summary>
    protected static async Task<IReadOnlyList<(string Value, string Label)>> VocabularyOptionsAsync(
        VocabularyService vocabularies, string vocabulary, IEnumerable<string> kept, CancellationToken cancellationToken)
    {
        var list = (await vocabularies.GetAsync(vocabulary, cancellationToken)).Select(t => (t.Value, t.Label)).ToList();
        list.AddRange(kept.Where(v => list.All(t => t.Value != v)).Distinct(StringComparer.Ordinal).Select(v => (v, v)));
        return list;
    }

    /// <summary>The address of the editor of an item, inside the tenant.</summary>
    protected string EditorUrl(int id, string? notice = null)
        => (Request.PathBase.Value ?? "") + type.EditUrl(id) + (notice is null ? "" : "?" + notice + "=1");

    public virtual async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (Item is null)
        {
            Common = new ContentCommonInput { SharedWithNetwork = true };
            FillForm(new TFields());
        }
        else
        {
            Common = new ContentCommonInput
            {
                Title = Item.Title,
                Slug = Item.Slug,
                Summary = Item.Summary,
                SharedWithNetwork = Item.SharedWithNetwork,
                Version = Item.Version,
            };
            FillForm(type.Read(Item));
        }
        Notice = Request.Query.ContainsKey("cree") ? "cree" : Request.Query.ContainsKey("enregistre") ? "enregistre" : null;
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Saves the draft (create or update).</summary>
    public virtual async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        CollectBindingErrors();
        var fields = await ReadFormAsync(Item is null ? new TFields() : type.Read(Item), cancellationToken);
        if (_errors.Count > 0)
        {
            // Unreadable input: show every other problem too, and write nothing.
            foreach (var error in ContentStore.CheckSharedColumns(Common.Title, Common.Summary)) AddError(ErrorKey(error.Field), error.Message);
            if (string.IsNullOrWhiteSpace(Common.Summary) && type.MissingSummaryMessage is { } missingSummary) AddError(ErrorKey("Summary"), missingSummary);
            foreach (var (field, message) in type.Validate(fields)) AddError(ErrorKey(field), message);
            return await RedisplayAsync(cancellationToken);
        }

        var edit = new ContentEdit(Common.Title ?? "", Common.Slug, Common.Summary ?? "", Common.SharedWithNetwork, fields);
        Network.Modules.Content.Services.ContentResult result;
        if (Item is null)
        {
            if (await RecentDuplicateAsync(edit, cancellationToken) is { } duplicate) return Redirect(EditorUrl(duplicate, "cree"));
            result = await services.Store.CreateAsync(type, edit, Actor, cancellationToken);
        }
        else
        {
            result = await services.Store.SaveAsync(Item.Id, Common.Version, edit, Actor, cancellationToken);
        }

        if (result.NotFound) return NotFound();
        if (result.Forbidden) return Forbid();
        if (result.Succeeded)
        {
            await SavedAsync(result.Item!, cancellationToken);
            return Redirect(EditorUrl(result.Item!.Id, Item is null ? "cree" : "enregistre"));
        }
        if (result.Conflict)
        {
            Conflict = true;
            Item = result.Item;
        }
        foreach (var error in result.Errors) AddError(ErrorKey(error.Field), error.Message);
        return await RedisplayAsync(cancellationToken);
    }

    /// <summary>
    /// For the page's extra buttons that change only the form ("add a row", "add this image"): lets <paramref name="change"/>
    /// adjust the posted input (it may report problems with <see cref="AddError"/>), and shows the form again without saving.
    /// </summary>
    protected async Task<IActionResult> ChangeFormAsync(int? id, Func<Task> change, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        ModelState.Clear();
        _errors.Clear();
        await change();
        return await RedisplayAsync(cancellationToken);
    }

    /// <summary>Shows the posted form again (after a refusal or a form-only change).</summary>
    protected async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Loads the actor and, with an id, the tenant's item of this type; returns the refusal if any.</summary>
    protected async Task<IActionResult?> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        Actor = await services.Actors.ForAsync(User);
        if (id is null)
        {
            return ContentWorkflow.CanCreate(Actor) ? null : Forbid();
        }
        var item = await services.Store.FindAsync(id.Value, cancellationToken);
        if (item is null || item.ContentType != type.Name) return NotFound();
        if (!ContentWorkflow.CanEdit(item, Actor)) return Forbid();
        Item = item;
        return null;
    }

    /// <summary>Model-binding failures (a tampered hidden field) become clear messages.</summary>
    private void CollectBindingErrors()
    {
        foreach (var (key, entry) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
        {
            ModelState.Remove(key);
            AddError(key == "Common.Version" ? "" : key, key == "Common.Version"
                ? "Le formulaire est incomplet : rechargez la page et recommencez."
                : "Cette valeur n'est pas valide.");
        }
    }

    /// <summary>A double submit of the "new" form (same author, same content, moments ago): the first item, not a copy.</summary>
    private async Task<int?> RecentDuplicateAsync(ContentEdit edit, CancellationToken cancellationToken)
    {
        var title = edit.Title.Trim();
        var since = services.Clock.GetUtcNow().UtcDateTime - DuplicateCreateWindow;
        var candidates = await services.Db.Items.AsNoTracking()
            .Where(i => i.ContentType == type.Name && i.OriginTenant == null && i.AuthorId == Actor.UserId && i.Version == 1
                && i.CreatedUtc >= since && i.Title == title)
            .Select(i => new { i.Id, i.Summary, i.FieldsJson })
            .ToListAsync(cancellationToken);
        var json = type.WriteFields(edit.Fields);
        var summary = edit.Summary.Trim();
        return candidates.FirstOrDefault(c => c.Summary == summary && c.FieldsJson == json)?.Id;
    }

    /// <summary>The view of the shared fields for <c>_ContentCommonFields</c>.</summary>
    public ContentCommonFieldsView CommonFieldsView()
    {
        var tenant = HttpContext.RequestServices.GetRequiredService<TenantContext>().Required;
        var urls = HttpContext.RequestServices.GetRequiredService<TenantUrls>();
        return new ContentCommonFieldsView(Common, urls.Absolute(tenant, type.PublicPath + "/"), Item?.Slug,
            ContentRules.SummaryMaxLength, ContentRules.TitleMaxLength, ContentRules.SlugMaxLength)
        {
            SummaryLabel = type.SummaryLabel,
            SummaryRequired = type.MissingSummaryMessage is not null,
        };
    }
}
