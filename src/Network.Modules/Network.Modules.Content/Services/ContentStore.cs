using Microsoft.EntityFrameworkCore;
using Network.Core.Data;
using Network.Core.Tenancy;
using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Content.Workflow;

namespace Network.Modules.Content.Services;

/// <summary>What an editor posts: the shared columns and the type's own fields.</summary>
/// <param name="Slug">Null or empty: made from the title.</param>
public sealed record ContentEdit(string Title, string? Slug, string Summary, bool SharedWithNetwork, object Fields);

/// <param name="Field">The form field the message belongs to ("Title", "Slug"…); empty for the whole form.</param>
public sealed record ContentError(string Field, string Message);

public sealed class ContentResult
{
    public ContentItem? Item { get; private init; }
    public IReadOnlyList<ContentError> Errors { get; private init; } = [];

    /// <summary>Someone else saved the item since the editor loaded it: nothing was written.</summary>
    public bool Conflict { get; private init; }

    public bool NotFound { get; private init; }
    public bool Forbidden { get; private init; }

    public bool Succeeded => Item is not null && Errors.Count == 0 && !Conflict && !NotFound && !Forbidden;

    public static ContentResult Ok(ContentItem item) => new() { Item = item };
    public static ContentResult Invalid(IEnumerable<ContentError> errors) => new() { Errors = errors.ToList() };
    public static ContentResult Invalid(string field, string message) => Invalid([new ContentError(field, message)]);
    public static ContentResult Stale(ContentItem item) => new()
    {
        Item = item,
        Conflict = true,
        Errors = [new ContentError("", "Ce contenu a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert. Vos modifications n'ont pas été enregistrées : rechargez la page pour voir la version actuelle, puis reportez-les.")],
    };
    public static ContentResult Missing() => new() { NotFound = true };
    public static ContentResult Denied() => new() { Forbidden = true };
}

/// <summary>
/// Every write to content items goes through here: validation, addresses, revisions, workflow rules,
/// optimistic concurrency and the change feed, each change in one tenant transaction.
/// </summary>
public sealed class ContentStore(
    ContentDbContext db,
    DatabaseSession session,
    ContentTypeRegistry types,
    TenantContext tenantContext,
    ContentChangeNotifier changes,
    TimeProvider clock)
{
    public Task<ContentItem?> FindAsync(int id, CancellationToken cancellationToken = default)
        => db.Items.Include(i => i.Facets).FirstOrDefaultAsync(i => i.Id == id && i.OriginTenant == null, cancellationToken);

    public async Task<ContentResult> CreateAsync(ContentTypeDefinition type, ContentEdit edit, ContentActor actor, CancellationToken cancellationToken = default)
    {
        if (!ContentWorkflow.CanCreate(actor)) return ContentResult.Denied();
        // Joins a caller's transaction (results publication creates drafts with its decisions), else its own.
        await using var transaction = await session.JoinOrBeginTenantTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new ContentItem
        {
            ContentType = type.Name,
            Status = ContentStatus.Draft,
            AuthorId = actor.UserId,
            AuthorName = actor.DisplayName,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        var (errors, _) = await ApplyEditAsync(type, item, edit, cancellationToken);
        if (errors.Count > 0) return ContentResult.Invalid(errors);
        db.Items.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        db.MediaUses.AddRange(type.MediaIdsOf(edit.Fields).Distinct().Select(m => new ContentMediaUse { ItemId = item.Id, MediaId = m }));
        await RecordAsync(item, "create", null, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ContentResult.Ok(item);
    }

    public async Task<ContentResult> SaveAsync(int id, int expectedVersion, ContentEdit edit, ContentActor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var item = await FindAsync(id, cancellationToken);
        if (item is null) return ContentResult.Missing();
        if (!ContentWorkflow.CanEdit(item, actor)) return ContentResult.Denied();
        if (item.Version != expectedVersion) return ContentResult.Stale(item);
        var (errors, moved) = await ApplyEditAsync(types.Get(item.ContentType), item, edit, cancellationToken);
        if (errors.Count > 0) return ContentResult.Invalid(errors);
        return await CommitChangeAsync(transaction, item, "save", null, actor, cancellationToken, moved);
    }

    /// <param name="publishAtUtc">For <see cref="ContentAction.Schedule"/>: when to publish (must be in the future).</param>
    public async Task<ContentResult> PerformAsync(int id, int expectedVersion, ContentAction action, ContentActor actor,
        string? reason = null, DateTime? publishAtUtc = null, CancellationToken cancellationToken = default)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var item = await FindAsync(id, cancellationToken);
        if (item is null) return ContentResult.Missing();
        if (!ContentWorkflow.CanView(item, actor) || action == ContentAction.Restore) return ContentResult.Denied();
        if (item.Version != expectedVersion) return ContentResult.Stale(item);
        if (!ContentWorkflow.CanPerform(item, action, actor) || !types.Get(item.ContentType).Allows(item, action))
            return ContentResult.Invalid("", "Cette action n'est pas possible pour ce contenu dans son état actuel, ou vous n'avez pas le droit de la faire.");
        var type = types.Get(item.ContentType);
        if (!type.Allows(item, action))
            return ContentResult.Invalid("", "Ce contenu ne peut pas subir cette action : son type ne le permet pas.");

        var now = clock.GetUtcNow().UtcDateTime;
        switch (action)
        {
            case ContentAction.Reject:
                reason = reason?.Trim();
                if (string.IsNullOrEmpty(reason)) return ContentResult.Invalid("Reason", "Indiquez la raison du refus : l'auteur la verra.");
                if (reason.Length > ContentRules.ReasonMaxLength) return ContentResult.Invalid("Reason", $"La raison ne peut dépasser {ContentRules.ReasonMaxLength} caractères.");
                item.RejectionReason = reason;
                break;
            case ContentAction.Schedule:
                if (publishAtUtc is null) return ContentResult.Invalid("PublishAt", "Indiquez la date et l'heure de publication.");
                if (publishAtUtc <= now) return ContentResult.Invalid("PublishAt", "La date de publication programmée doit être dans le futur.");
                item.PublishedUtc = publishAtUtc;
                break;
            case ContentAction.Publish:
                item.PublishedUtc = now;
                break;
            case ContentAction.Withdraw when item.Status == ContentStatus.Scheduled:
                item.PublishedUtc = null;
                break;
            case ContentAction.Delete:
                if (type.IsHierarchical && await HasDescendantsAsync(type, item.Slug, cancellationToken))
                    return ContentResult.Invalid("", "Ce contenu a des sous-pages : déplacez-les ou supprimez-les d'abord.");
                db.Items.Remove(item);
                db.Changes.Add(new ContentChange { ItemId = item.Id, ContentType = item.ContentType, Action = "delete", UserId = actor.UserId, CreatedUtc = now });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                changes.Changed(tenantContext.Required.Name);
                return ContentResult.Ok(item);
        }
        // The reason of a refusal stays visible to the author until the item moves on.
        if (action is ContentAction.Submit or ContentAction.Publish or ContentAction.Schedule) item.RejectionReason = null;
        item.Status = ContentWorkflow.Target(action, item.Status);
        return await CommitChangeAsync(transaction, item, ContentWorkflow.ChangeName(action), reason, actor, cancellationToken);
    }

    /// <summary>Puts the fields of revision <paramref name="number"/> back (a new revision records it); the status stays.</summary>
    public async Task<ContentResult> RestoreAsync(int id, int expectedVersion, int number, ContentActor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var item = await FindAsync(id, cancellationToken);
        if (item is null) return ContentResult.Missing();
        if (!ContentWorkflow.CanPerform(item, ContentAction.Restore, actor)) return ContentResult.Denied();
        if (item.Version != expectedVersion) return ContentResult.Stale(item);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.ItemId == id && r.Number == number, cancellationToken);
        if (revision is null) return ContentResult.Invalid("", "Cette version n'existe pas.");
        var type = types.Get(item.ContentType);
        var edit = new ContentEdit(revision.Title, revision.Slug, revision.Summary, revision.SharedWithNetwork, type.ReadFields(revision.FieldsJson));
        var (errors, moved) = await ApplyEditAsync(type, item, edit, cancellationToken);
        if (errors.Count > 0) return ContentResult.Invalid(errors);
        return await CommitChangeAsync(transaction, item, "restore", $"{number}", actor, cancellationToken, moved);
    }

    /// <summary>Features or un-features a published item on the hub (at most <see cref="ContentRules.MaxFeaturedPerTenant"/>).</summary>
    public async Task<ContentResult> SetFeaturedAsync(int id, int expectedVersion, bool featured, ContentActor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var item = await FindAsync(id, cancellationToken);
        if (item is null) return ContentResult.Missing();
        if (!actor.CanModerate || item.IsMirror) return ContentResult.Denied();
        if (item.Version != expectedVersion) return ContentResult.Stale(item);
        if (featured && !item.Featured)
        {
            if (item.Status != ContentStatus.Published) return ContentResult.Invalid("", "Seul un contenu publié peut être mis en avant.");
            if (await db.Items.CountAsync(i => i.Featured && i.OriginTenant == null, cancellationToken) >= ContentRules.MaxFeaturedPerTenant)
                return ContentResult.Invalid("", $"Six contenus au plus peuvent être mis en avant ; retirez-en un d'abord.");
        }
        item.Featured = featured;
        return await CommitChangeAsync(transaction, item, featured ? "feature" : "unfeature", null, actor, cancellationToken);
    }

    public Task<List<ContentRevision>> HistoryAsync(int id, CancellationToken cancellationToken = default)
        => db.Revisions.AsNoTracking().Where(r => r.ItemId == id).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);

    /// <summary>Publishes the tenant's scheduled items whose time has come; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Items.AsNoTracking()
            .Where(i => i.Status == ContentStatus.Scheduled && i.PublishedUtc <= now && i.OriginTenant == null)
            .Select(i => new { i.Id, i.Version }).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var item in due)
        {
            // The system publishes at the time the coordinator chose: keep that time, not the worker's.
            var result = await PublishScheduledAsync(item.Id, item.Version, cancellationToken);
            if (result) published++;
        }
        return published;
    }

    private async Task<bool> PublishScheduledAsync(int id, int version, CancellationToken cancellationToken)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var item = await FindAsync(id, cancellationToken);
        if (item is null || item.Version != version || item.Status != ContentStatus.Scheduled) return false;
        item.Status = ContentStatus.Published;
        item.RejectionReason = null;
        var result = await CommitChangeAsync(transaction, item, "publish", "scheduled", ContentActor.System, cancellationToken);
        return result.Succeeded;
    }

    /// <param name="moved">Descendants whose address followed the item's (hierarchical types): each gets its own revision and feed entry.</param>
    private async Task<ContentResult> CommitChangeAsync(SessionTransaction transaction, ContentItem item, string action, string? note, ContentActor actor,
        CancellationToken cancellationToken, IReadOnlyList<ContentItem>? moved = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        item.Version++;
        item.UpdatedUtc = now;
        foreach (var descendant in moved ?? [])
        {
            descendant.Version++;
            descendant.UpdatedUtc = now;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ContentResult.Stale((await FindAsync(item.Id, cancellationToken))!);
        }
        await RecordAsync(item, action, note, actor, cancellationToken);
        foreach (var descendant in moved ?? [])
            await RecordAsync(descendant, "move", item.Slug, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ContentResult.Ok(item);
    }

    /// <summary>The revision and the change-feed entry of a change, saved in the caller's transaction.</summary>
    private async Task RecordAsync(ContentItem item, string action, string? note, ContentActor actor, CancellationToken cancellationToken)
    {
        var number = 1 + (await db.Revisions.Where(r => r.ItemId == item.Id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0);
        db.Revisions.Add(new ContentRevision
        {
            ItemId = item.Id,
            Number = number,
            Action = action,
            Note = note,
            Status = item.Status,
            Title = item.Title,
            Slug = item.Slug,
            Summary = item.Summary,
            FieldsJson = item.FieldsJson,
            SharedWithNetwork = item.SharedWithNetwork,
            UserId = actor.UserId,
            UserName = actor.DisplayName,
            CreatedUtc = item.UpdatedUtc,
        });
        db.Changes.Add(new ContentChange { ItemId = item.Id, ContentType = item.ContentType, Action = action, UserId = actor.UserId, CreatedUtc = item.UpdatedUtc });
        await db.SaveChangesAsync(cancellationToken);
        var tenant = tenantContext.Required.Name;
        session.AfterTenantCommit(() => changes.Changed(tenant));
    }

    /// <summary>The rules of the columns every type shares (editors also show them when other input could not be read).</summary>
    public static IEnumerable<ContentError> CheckSharedColumns(string? title, string? summary)
    {
        title = (title ?? "").Trim();
        summary = (summary ?? "").Trim();
        if (title.Length == 0) yield return new("Title", "Indiquez un titre.");
        else if (title.Length > ContentRules.TitleMaxLength) yield return new("Title", $"Le titre ne peut dépasser {ContentRules.TitleMaxLength} caractères.");
        if (summary.Length > ContentRules.SummaryMaxLength) yield return new("Summary", $"Le résumé ne peut dépasser {ContentRules.SummaryMaxLength} caractères (il en compte {summary.Length}).");
    }

    /// <summary>
    /// Validates the edit and copies it onto the item (facets, media uses, address history included); writes nothing.
    /// For a hierarchical type, also moves the addresses of the item's descendants (returned, tracked, unsaved).
    /// </summary>
    private async Task<(List<ContentError> Errors, List<ContentItem> Moved)> ApplyEditAsync(ContentTypeDefinition type, ContentItem item, ContentEdit edit, CancellationToken cancellationToken)
    {
        var title = (edit.Title ?? "").Trim();
        var summary = (edit.Summary ?? "").Trim();
        var errors = CheckSharedColumns(title, summary).ToList();
        if (summary.Length == 0 && type.MissingSummaryMessage is { } missingSummary) errors.Add(new("Summary", missingSummary));
        errors.AddRange(type.Validate(edit.Fields).Select(e => new ContentError(e.Field, e.Message)));
        if (errors.Count == 0)
            errors.AddRange((await type.ValidateReferencesAsync(edit.Fields, db, cancellationToken)).Select(e => new ContentError(e.Field, e.Message)));
        var fieldsJson = type.WriteFields(edit.Fields);
        if (fieldsJson.Length > ContentRules.FieldsMaxLength) errors.Add(new("", "Le contenu est trop long."));

        // Nested types: the address starts with the parent's ("a-propos/"), and what is typed or made from the title is the item's own segment.
        var prefix = "";
        if (type.IsHierarchical && type.ParentIdOf(edit.Fields) is { } parentId)
        {
            var (parentSlug, parentError) = await CheckParentAsync(type, item, parentId, cancellationToken);
            if (parentError is not null) errors.Add(new("ParentId", parentError));
            else prefix = parentSlug + "/";
        }
        var currentSegment = item.Slug[(item.Slug.LastIndexOf('/') + 1)..];

        var typedSlug = (edit.Slug ?? "").Trim();
        var fixedSlug = type.FixedSlugOf(edit.Fields);
        string slug;
        if (fixedSlug is not null)
        {
            slug = fixedSlug;
            if (await SlugTakenAsync(type, slug, item.Id, cancellationToken) is { } owner)
                errors.Add(new("Slug", $"L'adresse « {slug} » est déjà celle de « {owner} » : ce rôle est déjà tenu par un autre contenu."));
        }
        else if (typedSlug.Length > 0)
        {
            if (!Slugs.IsValid(typedSlug))
                errors.Add(new("Slug", $"L'adresse ne peut contenir que des lettres minuscules sans accents, des chiffres et des tirets (par exemple « {Slugs.FromTitle(typedSlug)} »)."));
            else if (await SlugTakenAsync(type, prefix + typedSlug, item.Id, cancellationToken) is { } owner)
                errors.Add(new("Slug", $"Cette adresse est déjà celle de « {owner} » : choisissez-en une autre."));
            slug = prefix + typedSlug;
        }
        else
        {
            var baseSlug = Slugs.FromTitle(title);
            if (baseSlug.Length == 0) baseSlug = type.Name;
            slug = prefix + (item.Id != 0 && currentSegment.Length > 0 && Slugs.FromTitle(item.Title) == baseSlug ? currentSegment : baseSlug);
            for (var n = 2; await SlugTakenAsync(type, slug, item.Id, cancellationToken) is not null; n++)
                slug = $"{prefix}{baseSlug[..Math.Min(baseSlug.Length, Slugs.MaxLength - 6)]}-{n}";
        }
        if (fixedSlug is null)
            errors.AddRange(type.CheckAddress(slug).Select(m => new ContentError("Slug", m)));
        if (errors.Count > 0) return (errors, []);

        var moved = new List<ContentItem>();
        if (item.Id != 0 && item.Slug != slug)
        {
            await KeepOldAddressAsync(type, item, item.Slug, cancellationToken);
            if (type.IsHierarchical)
            {
                // Descendants' addresses follow their ancestor's, in the same transaction.
                var descendants = await DescendantsAsync(type, item.Slug, cancellationToken);
                var depth = Depth(slug) - Depth(item.Slug);
                if (descendants.Count > 0 && descendants.Max(d => Depth(d.Slug)) + depth > ContentRules.MaxDepth)
                    return ([new("ParentId", $"Ce déplacement placerait des sous-pages au-delà de {ContentRules.MaxDepth} niveaux : choisissez un parent moins profond.")], []);
                foreach (var descendant in descendants)
                {
                    var newSlug = slug + descendant.Slug[item.Slug.Length..];
                    await KeepOldAddressAsync(type, descendant, descendant.Slug, cancellationToken);
                    await DropRedirectsToAsync(type, newSlug, cancellationToken);
                    descendant.Slug = newSlug;
                    moved.Add(descendant);
                }
            }
        }
        // The current address of an item always wins over someone's old address.
        await DropRedirectsToAsync(type, slug, cancellationToken);

        item.Title = title;
        item.SortTitle = TextFolding.Fold(title);
        item.Summary = summary;
        item.Slug = slug;
        item.SharedWithNetwork = type.IsShareable && edit.SharedWithNetwork;
        item.FieldsJson = fieldsJson;
        item.SetFacets(type.FacetsOf(edit.Fields));
        if (item.Id != 0)
        {
            var wanted = type.MediaIdsOf(edit.Fields).ToHashSet();
            var uses = await db.MediaUses.Where(u => u.ItemId == item.Id).ToListAsync(cancellationToken);
            db.MediaUses.RemoveRange(uses.Where(u => !wanted.Contains(u.MediaId)));
            db.MediaUses.AddRange(wanted.Except(uses.Select(u => u.MediaId)).Select(m => new ContentMediaUse { ItemId = item.Id, MediaId = m }));
        }
        return (errors, moved);
    }

    /// <summary>The parent's address, or why it cannot be the parent (missing, another type or tenant, the item itself or below it, too deep).</summary>
    private async Task<(string Slug, string? Error)> CheckParentAsync(ContentTypeDefinition type, ContentItem item, int parentId, CancellationToken cancellationToken)
    {
        var parent = await db.Items.AsNoTracking()
            .Where(i => i.Id == parentId && i.ContentType == type.Name && i.OriginTenant == null)
            .Select(i => new { i.Id, i.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (parent is null) return ("", "Le parent choisi n'existe pas : choisissez-en un dans la liste.");
        if (item.Id != 0 && (parent.Id == item.Id || parent.Slug.StartsWith(item.Slug + "/", StringComparison.Ordinal)))
            return ("", "Un contenu ne peut pas être placé sous lui-même ni sous l'un de ses sous-contenus.");
        if (Depth(parent.Slug) >= ContentRules.MaxDepth)
            return ("", $"Les pages ne peuvent être imbriquées que sur {ContentRules.MaxDepth} niveaux : choisissez un parent moins profond.");
        return (parent.Slug, null);
    }

    private static int Depth(string slug) => slug.Count(c => c == '/') + 1;

    private Task<List<ContentItem>> DescendantsAsync(ContentTypeDefinition type, string slug, CancellationToken cancellationToken)
    {
        var prefix = slug + "/";
        return db.Items.Where(i => i.ContentType == type.Name && i.OriginTenant == null && i.Slug.StartsWith(prefix)).ToListAsync(cancellationToken);
    }

    private Task<bool> HasDescendantsAsync(ContentTypeDefinition type, string slug, CancellationToken cancellationToken)
    {
        var prefix = slug + "/";
        return db.Items.AnyAsync(i => i.ContentType == type.Name && i.OriginTenant == null && i.Slug.StartsWith(prefix), cancellationToken);
    }

    /// <summary>Old addresses of items the public may have seen keep working (301 to the new one).</summary>
    private async Task KeepOldAddressAsync(ContentTypeDefinition type, ContentItem item, string oldSlug, CancellationToken cancellationToken)
    {
        if (item.PublishedUtc is null) return;
        if (db.SlugRedirects.Local.Any(r => r.ContentType == type.Name && r.OldSlug == oldSlug)) return;
        if (!await db.SlugRedirects.AnyAsync(r => r.ContentType == type.Name && r.OldSlug == oldSlug, cancellationToken))
            db.SlugRedirects.Add(new ContentSlugRedirect { ContentType = type.Name, OldSlug = oldSlug, ItemId = item.Id });
    }

    private async Task DropRedirectsToAsync(ContentTypeDefinition type, string slug, CancellationToken cancellationToken)
    {
        var stale = await db.SlugRedirects.Where(r => r.ContentType == type.Name && r.OldSlug == slug).ToListAsync(cancellationToken);
        db.SlugRedirects.RemoveRange(stale);
    }

    /// <summary>The title of the tenant's item of this type that has this address, if another one does.</summary>
    private async Task<string?> SlugTakenAsync(ContentTypeDefinition type, string slug, int exceptId, CancellationToken cancellationToken)
        => await db.Items.Where(i => i.ContentType == type.Name && i.Slug == slug && i.OriginTenant == null && i.Id != exceptId)
            .Select(i => i.Title).FirstOrDefaultAsync(cancellationToken);
}
