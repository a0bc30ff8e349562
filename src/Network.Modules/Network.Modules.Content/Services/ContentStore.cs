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
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
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
        var errors = await ApplyEditAsync(type, item, edit, cancellationToken);
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
        var errors = await ApplyEditAsync(types.Get(item.ContentType), item, edit, cancellationToken);
        if (errors.Count > 0) return ContentResult.Invalid(errors);
        return await CommitChangeAsync(transaction, item, "save", null, actor, cancellationToken);
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
        if (!ContentWorkflow.CanPerform(item, action, actor))
            return ContentResult.Invalid("", "Cette action n'est pas possible pour ce contenu dans son état actuel, ou vous n'avez pas le droit de la faire.");

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
        var errors = await ApplyEditAsync(type, item, edit, cancellationToken);
        if (errors.Count > 0) return ContentResult.Invalid(errors);
        return await CommitChangeAsync(transaction, item, "restore", $"{number}", actor, cancellationToken);
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

    private async Task<ContentResult> CommitChangeAsync(SessionTransaction transaction, ContentItem item, string action, string? note, ContentActor actor, CancellationToken cancellationToken)
    {
        item.Version++;
        item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
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

    /// <summary>Validates the edit and copies it onto the item (facets, media uses, address history included); writes nothing.</summary>
    private async Task<List<ContentError>> ApplyEditAsync(ContentTypeDefinition type, ContentItem item, ContentEdit edit, CancellationToken cancellationToken)
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

        var typedSlug = (edit.Slug ?? "").Trim();
        string slug;
        if (typedSlug.Length > 0)
        {
            if (!Slugs.IsValid(typedSlug))
                errors.Add(new("Slug", $"L'adresse ne peut contenir que des lettres minuscules sans accents, des chiffres et des tirets (par exemple « {Slugs.FromTitle(typedSlug)} »)."));
            else if (await SlugTakenAsync(type, typedSlug, item.Id, cancellationToken) is { } owner)
                errors.Add(new("Slug", $"Cette adresse est déjà celle de « {owner} » : choisissez-en une autre."));
            slug = typedSlug;
        }
        else
        {
            var baseSlug = Slugs.FromTitle(title);
            if (baseSlug.Length == 0) baseSlug = type.Name;
            slug = item.Id != 0 && item.Slug.Length > 0 && Slugs.FromTitle(item.Title) == baseSlug ? item.Slug : baseSlug;
            for (var n = 2; await SlugTakenAsync(type, slug, item.Id, cancellationToken) is not null; n++)
                slug = $"{baseSlug[..Math.Min(baseSlug.Length, Slugs.MaxLength - 6)]}-{n}";
        }
        if (errors.Count > 0) return errors;

        if (item.Id != 0 && item.Slug != slug)
        {
            // Old addresses of items the public may have seen keep working (301 to the new one).
            if (item.PublishedUtc is not null && !await db.SlugRedirects.AnyAsync(r => r.ContentType == type.Name && r.OldSlug == item.Slug, cancellationToken))
                db.SlugRedirects.Add(new ContentSlugRedirect { ContentType = type.Name, OldSlug = item.Slug, ItemId = item.Id });
        }
        // The current address of an item always wins over someone's old address.
        var stale = await db.SlugRedirects.Where(r => r.ContentType == type.Name && r.OldSlug == slug).ToListAsync(cancellationToken);
        db.SlugRedirects.RemoveRange(stale);

        item.Title = title;
        item.SortTitle = TextFolding.Fold(title);
        item.Summary = summary;
        item.Slug = slug;
        item.SharedWithNetwork = edit.SharedWithNetwork;
        item.FieldsJson = fieldsJson;
        item.SetFacets(type.FacetsOf(edit.Fields));
        if (item.Id != 0)
        {
            var wanted = type.MediaIdsOf(edit.Fields).ToHashSet();
            var uses = await db.MediaUses.Where(u => u.ItemId == item.Id).ToListAsync(cancellationToken);
            db.MediaUses.RemoveRange(uses.Where(u => !wanted.Contains(u.MediaId)));
            db.MediaUses.AddRange(wanted.Except(uses.Select(u => u.MediaId)).Select(m => new ContentMediaUse { ItemId = item.Id, MediaId = m }));
        }
        return errors;
    }

    /// <summary>The title of the tenant's item of this type that has this address, if another one does.</summary>
    private async Task<string?> SlugTakenAsync(ContentTypeDefinition type, string slug, int exceptId, CancellationToken cancellationToken)
        => await db.Items.Where(i => i.ContentType == type.Name && i.Slug == slug && i.OriginTenant == null && i.Id != exceptId)
            .Select(i => i.Title).FirstOrDefaultAsync(cancellationToken);
}
