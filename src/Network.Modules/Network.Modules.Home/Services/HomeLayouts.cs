using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Home.Data;
using Network.Modules.Media;
using Network.Modules.Media.Services;

namespace Network.Modules.Home.Services;

/// <summary>The composer's view of the layout: the draft, the published layout and the version every form posts back.</summary>
/// <param name="Version">"" while the tenant has no layout row (the default layout), else the row's version.</param>
/// <param name="IsPublishedByCoordinator">False while visitors see the default layout.</param>
public sealed record HomeLayoutState(IReadOnlyList<HomeBlock> Draft, IReadOnlyList<HomeBlock> Published, string Version, bool IsPublishedByCoordinator, DateTime? PublishedUtc)
{
    public bool HasUnpublishedChanges => !HomeLayoutJson.Serialize(Draft).Equals(HomeLayoutJson.Serialize(Published), StringComparison.Ordinal);
}

/// <summary>The outcome of a composer action: French problems (and nothing changed), or the key of the block concerned.</summary>
public sealed record HomeEditResult(IReadOnlyList<(string Field, string Message)> Errors, string? Key = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static HomeEditResult Fail(string field, string message) => new([(field, message)]);
}

/// <summary>A block ready to render: its type is offered to the tenant.</summary>
public sealed record RenderableBlock(HomeBlock Block, HomeBlockType Type);

/// <summary>Layouts as stored JSON (camelCase, nulls left out).</summary>
public static class HomeLayoutJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static string Serialize(IEnumerable<HomeBlock> blocks) => JsonSerializer.Serialize(blocks.ToList(), Options);

    public static List<HomeBlock> Deserialize(string json) => JsonSerializer.Deserialize<List<HomeBlock>>(json, Options) ?? [];
}

/// <summary>
/// Reads and edits the current tenant's home layout. Visitors get the published layout from <see cref="HomeLayoutCache"/>
/// (one query per tenant until the next publication); every edit works on the draft, checks the version the form was
/// based on, and changes nothing when any problem is found.
/// </summary>
public sealed class HomeLayouts(HomeDbContext db, TenantContext tenantContext, ModuleCatalog modules, HomeLayoutCache cache, IServiceProvider services, TimeProvider clock)
{
    private const string StaleMessage = "la page d'accueil a été modifiée entre-temps par quelqu'un d'autre ; rechargez la page et recommencez";

    private TenantInfo Tenant => tenantContext.Required;

    /// <summary>Every block type offered to the tenant that is in the default layout, in default order, with no settings.</summary>
    public IReadOnlyList<HomeBlock> DefaultLayout()
        => modules.HomeBlockTypes(Tenant).Where(t => t.InDefaultLayout).Select(t => new HomeBlock { Type = t.Id, Key = t.Id }).ToList();

    /// <summary>The blocks of <paramref name="layout"/> that can render here (type known, module enabled, scope applies), in order.</summary>
    public IReadOnlyList<RenderableBlock> Renderable(IEnumerable<HomeBlock> layout)
    {
        var types = modules.HomeBlockTypes(Tenant);
        var result = new List<RenderableBlock>();
        foreach (var block in layout)
        {
            foreach (var type in types)
            {
                if (type.Id != block.Type) continue;
                result.Add(new RenderableBlock(block, type));
                break;
            }
        }
        return result;
    }

    /// <summary>What visitors see, with its images: from memory once warm.</summary>
    public async Task<CachedHomeLayout> PublishedAsync(CancellationToken cancellationToken = default)
    {
        var tenant = Tenant;
        if (cache.TryGet(tenant.Id, out var cached)) return cached;
        var json = await db.Layouts.AsNoTracking().Where(l => l.Id == HomeLayoutRecord.SingleId).Select(l => l.PublishedJson).SingleOrDefaultAsync(cancellationToken);
        var published = json is null ? null : HomeLayoutJson.Deserialize(json);
        var images = await ImagesAsync(published ?? [], cancellationToken);
        var entry = new CachedHomeLayout(published, images);
        cache.Set(tenant.Id, entry);
        return entry;
    }

    /// <summary>The library images <paramref name="blocks"/> refer to (none where the tenant has no media library).</summary>
    public async Task<IReadOnlyDictionary<int, ImageRef>> ImagesAsync(IEnumerable<HomeBlock> blocks, CancellationToken cancellationToken = default)
    {
        var ids = blocks.Where(b => b.ImageId is not null).Select(b => b.ImageId!.Value).Distinct().ToList();
        if (ids.Count == 0 || !modules.IsEnabled(Tenant, "Media")) return new Dictionary<int, ImageRef>();
        var library = services.GetRequiredService<MediaLibrary>();
        return (await library.FindManyAsync(ids, cancellationToken))
            .Where(m => m.Kind == Media.Data.MediaKind.Image)
            .ToDictionary(m => m.Id, m => MediaLibrary.ToImageRef(m));
    }

    public async Task<HomeLayoutState> GetAsync(CancellationToken cancellationToken = default)
    {
        var row = await db.Layouts.AsNoTracking().SingleOrDefaultAsync(l => l.Id == HomeLayoutRecord.SingleId, cancellationToken);
        if (row is null)
        {
            var layout = DefaultLayout();
            return new HomeLayoutState(layout, layout, "", false, null);
        }
        var published = row.PublishedJson is null ? DefaultLayout() : HomeLayoutJson.Deserialize(row.PublishedJson);
        return new HomeLayoutState(HomeLayoutJson.Deserialize(row.DraftJson), published, row.Version.ToString("N"), row.PublishedJson is not null, row.PublishedUtc);
    }

    public async Task<IReadOnlyList<HomeLayoutPublication>> HistoryAsync(int take = 10, CancellationToken cancellationToken = default)
        => await db.Publications.AsNoTracking().OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id).Take(take).ToListAsync(cancellationToken);

    /// <summary>Adds a block of <paramref name="type"/> (no settings: its defaults) at the end of the draft.</summary>
    public Task<HomeEditResult> AddAsync(string? version, string type, string by, CancellationToken cancellationToken = default)
        => EditDraftAsync(version, by, draft =>
        {
            var block = new HomeBlock { Type = type ?? "", Key = NewKey(draft, type ?? "") };
            var problems = HomeLayoutRules.Validate(block, Tenant, modules);
            if (problems.Count > 0) return Task.FromResult<(List<(string, string)>, string?)>((problems, null));
            draft.Add(block);
            return Task.FromResult<(List<(string, string)>, string?)>(([], block.Key));
        }, cancellationToken);

    /// <summary>Moves a block one place up (<paramref name="delta"/> -1) or down (+1).</summary>
    public Task<HomeEditResult> MoveAsync(string? version, string key, int delta, string by, CancellationToken cancellationToken = default)
        => EditDraftAsync(version, by, draft =>
        {
            var index = draft.FindIndex(b => b.Key == key);
            if (index < 0) return Missing();
            var target = index + Math.Sign(delta);
            if (target < 0 || target >= draft.Count || delta == 0)
                return Task.FromResult<(List<(string, string)>, string?)>(([("Key", delta < 0 ? "ce bloc est déjà le premier" : "ce bloc est déjà le dernier")], null));
            (draft[index], draft[target]) = (draft[target], draft[index]);
            return Task.FromResult<(List<(string, string)>, string?)>(([], key));
        }, cancellationToken);

    public Task<HomeEditResult> RemoveAsync(string? version, string key, string by, CancellationToken cancellationToken = default)
        => EditDraftAsync(version, by, draft =>
        {
            var index = draft.FindIndex(b => b.Key == key);
            if (index < 0) return Missing();
            draft.RemoveAt(index);
            return Task.FromResult<(List<(string, string)>, string?)>(([], key));
        }, cancellationToken);

    /// <summary>Replaces the settings of the draft's block <paramref name="settings"/>.Key (its type never changes).</summary>
    public Task<HomeEditResult> UpdateAsync(string? version, HomeBlock settings, string by, CancellationToken cancellationToken = default)
        => EditDraftAsync(version, by, async draft =>
        {
            var index = draft.FindIndex(b => b.Key == settings.Key);
            if (index < 0) return await Missing();
            var block = Normalized(settings with { Type = draft[index].Type });
            var problems = HomeLayoutRules.Validate(block, Tenant, modules);
            problems.AddRange(await CheckImageAsync(block, cancellationToken));
            if (problems.Count > 0) return (problems, null);
            draft[index] = block;
            return ([], block.Key);
        }, cancellationToken);

    /// <summary>The draft becomes what visitors see; the published layout is kept in the history.</summary>
    public async Task<HomeEditResult> PublishAsync(string? version, string by, CancellationToken cancellationToken = default)
    {
        var result = await WriteAsync(version, by, (row, draft) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            row.PublishedJson = HomeLayoutJson.Serialize(draft);
            row.PublishedUtc = now;
            db.Publications.Add(new HomeLayoutPublication { LayoutJson = row.PublishedJson, PublishedUtc = now, PublishedBy = by });
            return Task.FromResult<(List<(string, string)>, string?)>(([], null));
        }, cancellationToken);
        return result;
    }

    /// <summary>The draft goes back to the published layout.</summary>
    public Task<HomeEditResult> DiscardAsync(string? version, string by, CancellationToken cancellationToken = default)
        => WriteAsync(version, by, (row, draft) =>
        {
            draft.Clear();
            draft.AddRange(row.PublishedJson is null ? DefaultLayout() : HomeLayoutJson.Deserialize(row.PublishedJson));
            return Task.FromResult<(List<(string, string)>, string?)>(([], null));
        }, cancellationToken);

    /// <summary>An earlier published layout becomes the draft (to preview, then publish).</summary>
    public Task<HomeEditResult> RestoreAsync(string? version, int publicationId, string by, CancellationToken cancellationToken = default)
        => WriteAsync(version, by, async (row, draft) =>
        {
            var publication = await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == publicationId, cancellationToken);
            if (publication is null) return ([("Publication", "cette version publiée n'existe pas")], null);
            draft.Clear();
            draft.AddRange(HomeLayoutJson.Deserialize(publication.LayoutJson));
            return ([], null);
        }, cancellationToken);

    /// <summary>Replaces the draft with <paramref name="blocks"/> (validated) and publishes it: the recipe step.</summary>
    public async Task<HomeEditResult> ReplaceAndPublishAsync(IReadOnlyList<HomeBlock> blocks, string by, CancellationToken cancellationToken = default)
    {
        var state = await GetAsync(cancellationToken);
        var problems = new List<(string, string)>();
        for (var i = 0; i < blocks.Count; i++)
        {
            foreach (var (field, message) in HomeLayoutRules.Validate(blocks[i], Tenant, modules, allowUndeclared: true)) problems.Add(($"blocks[{i}].{field}", message));
        }
        if (blocks.Count > HomeLayoutRules.MaxBlocks) problems.Add(("blocks", $"une page d'accueil a au plus {HomeLayoutRules.MaxBlocks} blocs"));
        if (problems.Count > 0) return new HomeEditResult(problems);
        var written = await WriteAsync(state.Version, by, (row, draft) =>
        {
            draft.Clear();
            var keyed = new List<HomeBlock>();
            foreach (var block in blocks) keyed.Add(Normalized(block with { Key = NewKey(keyed, block.Type) }));
            draft.AddRange(keyed);
            return Task.FromResult<(List<(string, string)>, string?)>(([], null));
        }, cancellationToken);
        return written.Succeeded ? await PublishAsync((await GetAsync(cancellationToken)).Version, by, cancellationToken) : written;
    }

    private static Task<(List<(string, string)>, string?)> Missing()
        => Task.FromResult<(List<(string, string)>, string?)>(([("Key", "ce bloc n'est plus dans la page ; rechargez-la")], null));

    private async Task<List<(string, string)>> CheckImageAsync(HomeBlock block, CancellationToken cancellationToken)
    {
        if (block.ImageId is not { } id) return [];
        if (!modules.IsEnabled(Tenant, "Media")) return [("ImageId", "ce site n'a pas de médiathèque")];
        var item = await services.GetRequiredService<MediaLibrary>().FindAsync(id, cancellationToken);
        return item is { Kind: Media.Data.MediaKind.Image } ? [] : [("ImageId", "cette image n'est pas dans la médiathèque du site")];
    }

    /// <summary>Empty settings are unset; line ends are normalized.</summary>
    private static HomeBlock Normalized(HomeBlock block) => block with
    {
        Title = string.IsNullOrWhiteSpace(block.Title) ? null : block.Title.Trim(),
        Text = string.IsNullOrWhiteSpace(block.Text) ? null : block.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
        LinkLabel = string.IsNullOrWhiteSpace(block.LinkLabel) ? null : block.LinkLabel.Trim(),
        LinkUrl = string.IsNullOrWhiteSpace(block.LinkUrl) ? null : block.LinkUrl.Trim(),
    };

    /// <summary>The type's id, then "type-2", "type-3"… : unique in the layout, readable in anchors.</summary>
    private static string NewKey(IReadOnlyCollection<HomeBlock> layout, string type)
    {
        var key = type;
        for (var n = 2; layout.Any(b => b.Key == key); n++) key = $"{type}-{n}";
        return key;
    }

    private Task<HomeEditResult> EditDraftAsync(string? version, string by, Func<List<HomeBlock>, Task<(List<(string, string)> Problems, string? Key)>> change, CancellationToken cancellationToken)
        => WriteAsync(version, by, (_, draft) => change(draft), cancellationToken);

    private async Task<HomeEditResult> WriteAsync(string? version, string by, Func<HomeLayoutRecord, List<HomeBlock>, Task<(List<(string, string)> Problems, string? Key)>> change, CancellationToken cancellationToken)
    {
        var row = await db.Layouts.SingleOrDefaultAsync(l => l.Id == HomeLayoutRecord.SingleId, cancellationToken);
        if ((version ?? "") != (row?.Version.ToString("N") ?? "")) return HomeEditResult.Fail("Version", StaleMessage);
        var isNew = row is null;
        row ??= new HomeLayoutRecord { DraftJson = HomeLayoutJson.Serialize(DefaultLayout()) };
        var draft = HomeLayoutJson.Deserialize(row.DraftJson);
        var (problems, key) = await change(row, draft);
        if (problems.Count == 0 && draft.Count > HomeLayoutRules.MaxBlocks)
            problems.Add(("Type", $"une page d'accueil a au plus {HomeLayoutRules.MaxBlocks} blocs"));
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new HomeEditResult(problems);
        }
        row.DraftJson = HomeLayoutJson.Serialize(draft);
        row.Version = Guid.NewGuid();
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = by;
        if (isNew) db.Layouts.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another coordinator wrote (or created the row) between our read and our write.
            db.ChangeTracker.Clear();
            return HomeEditResult.Fail("Version", StaleMessage);
        }
        cache.Forget(Tenant.Id);
        return new HomeEditResult([], key);
    }
}

/// <summary>The published layout (null: the default one) and the images it shows.</summary>
public sealed record CachedHomeLayout(IReadOnlyList<HomeBlock>? Published, IReadOnlyDictionary<int, ImageRef> Images);

/// <summary>
/// Each tenant's published home layout in memory, dropped when its layout is written in this process. (Another
/// process writing the layout, the command line or a second node, is seen after that process's next restart of this
/// cache: publications go through the site, so this is the case that matters.)
/// </summary>
public sealed class HomeLayoutCache
{
    private readonly ConcurrentDictionary<int, CachedHomeLayout> _byTenant = new();

    public bool TryGet(int tenantId, out CachedHomeLayout layout) => _byTenant.TryGetValue(tenantId, out layout!);

    public void Set(int tenantId, CachedHomeLayout layout) => _byTenant[tenantId] = layout;

    public void Forget(int tenantId) => _byTenant.TryRemove(tenantId, out _);
}

/// <summary>The images of the layout being rendered, for the blocks' view components (no query per block).</summary>
public sealed class HomeRenderImages
{
    public IReadOnlyDictionary<int, ImageRef> Images { get; set; } = new Dictionary<int, ImageRef>();

    public ImageRef? Find(int? id) => id is { } key && Images.TryGetValue(key, out var image) ? image : null;
}
