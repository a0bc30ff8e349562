using System.Text.Encodings.Web;
using System.Text.Json;
using Network.Modules.Content.Data;

namespace Network.Modules.Content.Services;

/// <summary>
/// What a module declares about one content type: its names, addresses, the class of its own fields and
/// what the shared services need from them (facets for lists, media for the library, labels for the history).
/// Register an instance as a singleton of both its own class and <see cref="ContentTypeDefinition"/>.
/// </summary>
public abstract class ContentTypeDefinition
{
    // Stored, never written into HTML as is: keep accents and apostrophes readable in the database and the history.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Stored in every item ("showcase"). Never changes.</summary>
    public abstract string Name { get; }

    /// <summary>The module that owns the type: its items are listed only where the module is enabled.</summary>
    public abstract string ModuleId { get; }

    /// <summary>French, singular ("Projet") and plural ("Projets").</summary>
    public abstract string DisplayName { get; }
    public abstract string PluralName { get; }

    /// <summary>Public list address ("/projets"); an item is at <c>PublicPath/slug</c>.</summary>
    public abstract string PublicPath { get; }

    /// <summary>Admin list address ("/admin/projets"); the editor is at <c>AdminPath/{id}</c>, a new item at <c>AdminPath/nouveau</c>.</summary>
    public abstract string AdminPath { get; }

    public abstract Type FieldsType { get; }

    /// <summary>French labels of the fields' properties (camelCase JSON names), shown when comparing revisions.</summary>
    public virtual IReadOnlyDictionary<string, string> FieldLabels => new Dictionary<string, string>();

    public string PublicUrl(string slug) => $"{PublicPath}/{slug}";

    public string EditUrl(int id) => $"{AdminPath}/{id}";

    public abstract object ReadFields(string json);

    public string WriteFields(object fields) => JsonSerializer.Serialize(fields, FieldsType, Json);

    /// <summary>Facet values of the item for the public lists ("domain" → "musees").</summary>
    public abstract IEnumerable<(string Facet, string Value)> FacetsOf(object fields);

    /// <summary>Media library entries the fields use.</summary>
    public abstract IEnumerable<int> MediaIdsOf(object fields);

    /// <summary>Problems of the fields (field name → French message), checked before any save.</summary>
    public abstract IEnumerable<(string Field, string Message)> Validate(object fields);

    /// <summary>
    /// Problems only the tenant's data can reveal (an id of another item that is not one of the tenant's, a term
    /// missing from a vocabulary), checked by the store inside the save's transaction, after <see cref="Validate"/>.
    /// </summary>
    public virtual Task<IReadOnlyList<(string Field, string Message)>> ValidateReferencesAsync(object fields, ContentDbContext db, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<(string Field, string Message)>>([]);

    /// <summary>The label of the shared summary column in editors ("Chapô" for news).</summary>
    public virtual string SummaryLabel => "Résumé";

    /// <summary>When the type needs a summary (news: the chapô), the French message for a missing one; null when optional.</summary>
    public virtual string? MissingSummaryMessage => null;

    /// <summary>Position among the content types wherever they are listed together (home page sections); ties by name.</summary>
    public virtual int Order => 0;

    /// <summary>
    /// Items nest (pages): an item's slug is its whole address below the tenant root, the parent's slug, a slash
    /// and its own segment ("a-propos/equipe"); the store checks the parent (<see cref="ParentIdOf"/>), keeps
    /// descendants' addresses in step when a parent's changes, and refuses to delete an item that has children.
    /// </summary>
    public virtual bool IsHierarchical => false;

    /// <summary>For hierarchical types: the parent item's id in the fields, or null for a top-level item.</summary>
    public virtual int? ParentIdOf(object fields) => null;

    /// <summary>An address the item must have whatever is typed (legal pages: "mentions-legales"), or null.</summary>
    public virtual string? FixedSlugOf(object fields) => null;

    /// <summary>French problems of a complete address beyond the slug rules (a page's first segment taken by a module route).</summary>
    public virtual IEnumerable<string> CheckAddress(string slug) => [];

    /// <summary>Whether items may be shared with the network (copied to the hub). Pages are not: the store keeps the flag off.</summary>
    public virtual bool IsShareable => true;

    /// <summary>Whether the type's published items go to the network search index.</summary>
    public virtual bool IsSearchable => true;

    /// <summary>Whether this item of a searchable type goes to the index (pages: not the legal ones).</summary>
    public virtual bool IsSearchableItem(object fields) => IsSearchable;

    /// <summary>
    /// The plain text of the type's own fields for the search index (title and summary are the item's columns): the body
    /// sections through <see cref="Network.Core.Text.SafeMarkdown.ToPlainText"/>, names, places. No Markdown, no HTML.
    /// </summary>
    public virtual string SearchTextOf(object fields) => "";

    /// <summary>
    /// What signed-in members may add under the type's published items where a discussion module is enabled: nothing,
    /// comments, or comments and "useful" marks. Types opt in; the default is none.
    /// </summary>
    public virtual ContentDiscussion Discussion => ContentDiscussion.None;

    /// <summary>Whether the type lets <paramref name="action"/> happen to this item at all (legal pages are never archived nor deleted).</summary>
    public virtual bool Allows(ContentItem item, Workflow.ContentAction action) => true;
}

/// <summary>What members may add under a type's published items (see <see cref="ContentTypeDefinition.Discussion"/>).</summary>
public enum ContentDiscussion
{
    None = 0,
    Comments = 1,
    CommentsAndUsefulMarks = 2,
}

/// <summary>A content type whose own fields are <typeparamref name="TFields"/>, serialized as JSON in the item.</summary>
public abstract class ContentType<TFields> : ContentTypeDefinition where TFields : class, new()
{
    public override Type FieldsType => typeof(TFields);

    public TFields Read(ContentItem item) => (TFields)ReadFields(item.FieldsJson);

    public override object ReadFields(string json)
        => string.IsNullOrWhiteSpace(json) ? new TFields() : JsonSerializer.Deserialize<TFields>(json, Json) ?? new TFields();

    public override IEnumerable<(string Facet, string Value)> FacetsOf(object fields) => Facets((TFields)fields);

    public override IEnumerable<int> MediaIdsOf(object fields) => MediaIds((TFields)fields);

    public override IEnumerable<(string Field, string Message)> Validate(object fields) => Validate((TFields)fields);

    /// <summary>The search text of several fields: Markdown ones reduced to plain text, blank ones left out, one per line.</summary>
    protected static string SearchText(IEnumerable<string?> plain, IEnumerable<string?> markdown)
        => string.Join('\n', plain.Select(p => p?.Trim()).Concat(markdown.Select(Network.Core.Text.SafeMarkdown.ToPlainText)).Where(t => !string.IsNullOrWhiteSpace(t)));

    public override bool IsSearchableItem(object fields) => IsSearchable && IsSearchableItem((TFields)fields);

    public override string SearchTextOf(object fields) => SearchText((TFields)fields);

    protected virtual bool IsSearchableItem(TFields fields) => true;

    protected virtual string SearchText(TFields fields) => "";

    protected virtual IEnumerable<(string Facet, string Value)> Facets(TFields fields) => [];

    protected virtual IEnumerable<int> MediaIds(TFields fields) => [];

    protected virtual IEnumerable<(string Field, string Message)> Validate(TFields fields) => [];

    public override Task<IReadOnlyList<(string Field, string Message)>> ValidateReferencesAsync(object fields, ContentDbContext db, CancellationToken cancellationToken)
        => ValidateReferencesAsync((TFields)fields, db, cancellationToken);

    protected virtual Task<IReadOnlyList<(string Field, string Message)>> ValidateReferencesAsync(TFields fields, ContentDbContext db, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<(string Field, string Message)>>([]);
}

/// <summary>The content types of every module, by name.</summary>
public sealed class ContentTypeRegistry(IEnumerable<ContentTypeDefinition> types)
{
    private readonly Dictionary<string, ContentTypeDefinition> _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every type, by <see cref="ContentTypeDefinition.Order"/> then name.</summary>
    public IReadOnlyList<ContentTypeDefinition> All { get; } = types.OrderBy(t => t.Order).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();

    public ContentTypeDefinition? Find(string name) => _types.GetValueOrDefault(name);

    public ContentTypeDefinition Get(string name) => Find(name) ?? throw new InvalidOperationException($"Unknown content type {name}.");
}
