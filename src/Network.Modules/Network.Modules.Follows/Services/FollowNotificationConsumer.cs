using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Services;
using Network.Modules.Content.Data;
using Network.Modules.Content.Feed;
using Network.Modules.Content.Services;
using Network.Modules.Follows.Data;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Follows.Services;

/// <summary>
/// The "immediate" delivery: when a showcase, a practice, a call or an event is published, every member following one
/// of its topics (<see cref="ItemTopics"/>) with immediate delivery gets one mail, in their language, from the item's
/// site. Delivery of the feed is at least once, so each mail is queued with an <see cref="ImmediateNotice"/> row in the
/// same host transaction and members already holding one for the item are skipped: never two mails for one item and
/// member, whatever the replays, restarts or later re-publications. The author is not told of their own item.
/// </summary>
public sealed class FollowNotificationConsumer(MailComposer composer, LocalizationCatalog localization, ContentTypeRegistry types, TenantCatalog tenants,
    UnsubscribeTokens tokens, TenantUrls urls, TimeProvider clock) : IContentChangeConsumer
{
    /// <summary>The types whose publication is news to followers (pages and news articles are not followed).</summary>
    public static readonly IReadOnlySet<string> NotifiedTypes = new HashSet<string>(StringComparer.Ordinal) { "showcase", "practice", "call", "event" };

    /// <summary>Followers written to per transaction: a region followed by thousands never holds the host database long.</summary>
    private const int Chunk = 500;

    public string Name => "follows";

    public async Task ApplyAsync(TenantInfo tenant, IReadOnlyList<ContentChange> changes, IServiceProvider tenantScope, CancellationToken cancellationToken)
    {
        var ids = changes.Where(c => c.Action == "publish" && NotifiedTypes.Contains(c.ContentType)).Select(c => c.ItemId).Distinct().ToList();
        if (ids.Count == 0) return;
        var content = tenantScope.GetRequiredService<ContentDbContext>();
        var items = await content.Items.AsNoTracking().Include(i => i.Facets)
            .Where(i => ids.Contains(i.Id) && i.OriginTenant == null && i.Status == ContentStatus.Published).ToListAsync(cancellationToken);
        if (items.Count == 0) return;
        var db = tenantScope.GetRequiredService<FollowsDbContext>();
        var accounts = tenantScope.GetRequiredService<TenantMembers>();
        var outbox = tenantScope.GetRequiredService<IMailOutbox>();
        var session = tenantScope.GetRequiredService<DatabaseSession>();
        var hub = tenants.Hub;
        foreach (var item in items)
        {
            if (types.Find(item.ContentType) is not { } type) continue;
            var topics = ItemTopics.Of(tenant.Name, hub?.Name, item, item.Facets.ToLookup(f => f.Facet, f => f.Value), type.ReadFields(item.FieldsJson));
            var itemId = item.Id;
            var tenantName = tenant.Name;
            var followers = await db.Follows.AsNoTracking()
                .Where(f => f.Delivery == FollowDelivery.Immediate && topics.Contains(f.Topic) && f.UserId != item.AuthorId
                    && !db.ImmediateNotices.Any(n => n.UserId == f.UserId && n.Tenant == tenantName && n.ItemId == itemId))
                .Select(f => new { f.UserId, f.Id }).ToListAsync(cancellationToken);
            // One mail per member, however many of their follows match; the unsubscribe link stops the first of them.
            var byMember = followers.GroupBy(f => f.UserId, StringComparer.Ordinal).Select(g => (UserId: g.Key, FollowId: g.Min(f => f.Id))).OrderBy(f => f.UserId, StringComparer.Ordinal).ToList();
            foreach (var chunk in byMember.Chunk(Chunk))
            {
                var members = await accounts.FindManyAsync(chunk.Select(c => c.UserId).ToList(), cancellationToken);
                if (members.Count == 0) continue;
                var now = clock.GetUtcNow().UtcDateTime;
                await using var transaction = await session.BeginHostTransactionAsync(cancellationToken);
                foreach (var (userId, followId) in chunk)
                {
                    if (!members.TryGetValue(userId, out var member)) continue;
                    db.ImmediateNotices.Add(new ImmediateNotice { UserId = userId, Tenant = tenantName, ItemId = itemId, QueuedUtc = now });
                    await outbox.EnqueueAsync(Mail(tenant, hub ?? tenant, member, item, type, followId), cancellationToken);
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }

    private OutgoingMail Mail(TenantInfo tenant, TenantInfo hub, TenantMember to, ContentItem item, ContentTypeDefinition type, int followId)
    {
        var draft = composer.Create(tenant, to.Email, to.DisplayName, to.PreferredCulture);
        var typeName = localization.Translate(type.DisplayName, draft.Culture) ?? type.DisplayName;
        var unsubscribe = urls.Absolute(hub, UnsubscribeTokens.PathOf(tokens.ForFollow(to.UserId, followId)));
        draft.Subject("Nouveau sur {0} : « {1} »", SiteName(tenant), item.Title)
            .Heading("Du nouveau dans ce que vous suivez")
            .Paragraph("« {0} » ({1}) vient d'être publié sur {2}.", item.Title, typeName, SiteName(tenant));
        if (item.Summary.Trim().Length > 0) draft.Paragraph("{0}", item.Summary.Trim());
        return draft
            .Link("Voir la page", type.PublicUrl(Uri.EscapeDataString(item.Slug)))
            .Paragraph("Vous recevez ce message parce que vous suivez ce sujet avec un envoi immédiat.")
            .Link("Gérer mes abonnements", NotificationPaths.Preferences)
            .LinkTo(localization.Translate("Ne plus recevoir ces messages", draft.Culture) ?? "Ne plus recevoir ces messages", unsubscribe)
            .Header("List-Unsubscribe", $"<{unsubscribe}>")
            .Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
            .Build();
    }

    private static string SiteName(TenantInfo tenant) => string.IsNullOrWhiteSpace(tenant.SiteName) ? tenant.DisplayName : tenant.SiteName;
}

/// <summary>The module's addresses.</summary>
public static class NotificationPaths
{
    public const string Preferences = "/compte/notifications";
    public const string Follow = "/abonnements";
}
