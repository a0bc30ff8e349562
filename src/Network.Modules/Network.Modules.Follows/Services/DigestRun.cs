using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Network.Core.Data;
using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Services;
using Network.Modules.Follows.Data;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Follows.Services;

/// <param name="Members">Members a digest was queued for in this run.</param>
/// <param name="Entries">Entries read from the tenants (shared by every member).</param>
public sealed record DigestRunResult(string Week, int Members, int Entries);

/// <summary>
/// Builds and queues the weekly digests. Each tenant's week is read once (<see cref="DigestCollector"/>) into an index
/// topic → entries; then only the members with a weekly follow of one of those topics, no "no digest" switch and no
/// digest yet this ISO week are read (one query), and handled in batches: each batch's <see cref="DigestDelivery"/> rows
/// and mails commit in one host transaction, so a member gets one digest per week across runs, restarts and nodes, and
/// a member whose follows match nothing gets no mail. The mails are bulk (<see cref="OutgoingMail.Bulk"/>): the
/// outbox sends every due transactional mail first, and the pause between batches leaves the database to requests.
/// </summary>
public sealed class DigestRun(
    TenantCatalog catalog,
    TenantActivator activator,
    TenantScopeFactory scopes,
    MailComposer composer,
    LocalizationCatalog localization,
    UnsubscribeTokens tokens,
    TenantUrls urls,
    IOptions<FollowsOptions> options,
    TimeProvider clock,
    ILogger<DigestRun> logger)
{
    /// <summary>The ISO week of <paramref name="utc"/> in Paris ("2026-W48") and the week before it, the one its digest covers.</summary>
    public static DigestWeek WeekOf(DateTime utc)
    {
        var paris = ParisTime.FromUtc(utc);
        var monday = paris.Date.AddDays(-(((int)paris.DayOfWeek + 6) % 7));
        var to = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(monday, DateTimeKind.Unspecified), ParisTime.Zone);
        var from = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(monday.AddDays(-7), DateTimeKind.Unspecified), ParisTime.Zone);
        var key = $"{ISOWeek.GetYear(monday):0000}-W{ISOWeek.GetWeekOfYear(monday):00}";
        return new DigestWeek(key, from, to, utc);
    }

    public async Task<DigestRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var week = WeekOf(clock.GetUtcNow().UtcDateTime);
        var hub = catalog.Hub;
        if (hub is null) return new DigestRunResult(week.Key, 0, 0);

        // 1. Each tenant's week, read once.
        var index = new Dictionary<string, List<DigestEntry>>(StringComparer.Ordinal);
        var entries = 0;
        foreach (var tenant in catalog.All.Where(t => t.State == TenantState.Running && t.IsEnabled("Content")))
        {
            await activator.EnsureActivatedAsync(tenant);
            await using var scope = scopes.CreateScope(tenant);
            var collected = await scope.ServiceProvider.GetRequiredService<DigestCollector>().CollectAsync(tenant, hub.Name, week, cancellationToken);
            entries += collected.Count;
            foreach (var (entry, topics) in collected)
                foreach (var topic in topics)
                {
                    if (!index.TryGetValue(topic, out var list)) index[topic] = list = [];
                    list.Add(entry);
                }
        }
        if (index.Count == 0) return new DigestRunResult(week.Key, 0, 0);

        // 2. Only the members with something to receive, not switched off, not served yet this week.
        await using var hostScope = scopes.CreateScope(hub);
        var db = hostScope.ServiceProvider.GetRequiredService<FollowsDbContext>();
        var codes = index.Keys.ToList();
        var members = await db.Follows.AsNoTracking()
            .Where(f => f.Delivery == FollowDelivery.Weekly && codes.Contains(f.Topic)
                && !db.Settings.Any(s => s.UserId == f.UserId && s.NoDigest)
                && !db.DigestDeliveries.Any(d => d.UserId == f.UserId && d.Week == week.Key))
            .Select(f => f.UserId).Distinct().ToListAsync(cancellationToken);
        members.Sort(StringComparer.Ordinal);

        // 3. In batches, each in its own scope and host transaction.
        var settings = options.Value;
        var queued = 0;
        foreach (var batch in members.Chunk(Math.Max(1, settings.DigestBatchSize)))
        {
            queued += await QueueBatchAsync(hub, week, index, codes, batch, cancellationToken);
            if (settings.DigestPauseMilliseconds > 0) await Task.Delay(TimeSpan.FromMilliseconds(settings.DigestPauseMilliseconds), cancellationToken);
        }
        if (queued > 0) logger.LogInformation("Queued {Count} weekly digest(s) for {Week} from {Entries} entries", queued, week.Key, entries);
        return new DigestRunResult(week.Key, queued, entries);
    }

    private async Task<int> QueueBatchAsync(TenantInfo hub, DigestWeek week, Dictionary<string, List<DigestEntry>> index, List<string> codes, string[] batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateScope(hub);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<FollowsDbContext>();
        var follows = await db.Follows.AsNoTracking()
            .Where(f => batch.Contains(f.UserId) && f.Delivery == FollowDelivery.Weekly && codes.Contains(f.Topic))
            .Select(f => new { f.UserId, f.Topic }).ToListAsync(cancellationToken);
        var accounts = await services.GetRequiredService<TenantMembers>().FindManyAsync(batch, cancellationToken);
        var mails = new List<(string UserId, int Count, OutgoingMail Mail)>();
        foreach (var member in follows.GroupBy(f => f.UserId, StringComparer.Ordinal))
        {
            if (!accounts.TryGetValue(member.Key, out var account)) continue;
            var items = member.SelectMany(f => index[f.Topic]).DistinctBy(e => (e.Tenant, e.Section, e.ItemId)).ToList();
            if (items.Count == 0) continue;
            mails.Add((member.Key, items.Count, Digest(hub, account, items)));
        }
        if (mails.Count == 0) return 0;

        var session = services.GetRequiredService<DatabaseSession>();
        var outbox = services.GetRequiredService<IMailOutbox>();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await using var transaction = await session.BeginHostTransactionAsync(cancellationToken);
            foreach (var (userId, count, _) in mails) db.DigestDeliveries.Add(new DigestDelivery { UserId = userId, Week = week.Key, ItemCount = count, QueuedUtc = now });
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (_, _, mail) in mails) await outbox.EnqueueAsync(mail, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return mails.Count;
        }
        catch (DbUpdateException)
        {
            // Another run (another node) served some of these members meanwhile: one by one, skipping those served.
            db.ChangeTracker.Clear();
            var sent = 0;
            foreach (var (userId, count, mail) in mails)
            {
                await using var transaction = await session.BeginHostTransactionAsync(cancellationToken);
                if (await db.DigestDeliveries.AnyAsync(d => d.UserId == userId && d.Week == week.Key, cancellationToken)) continue;
                db.DigestDeliveries.Add(new DigestDelivery { UserId = userId, Week = week.Key, ItemCount = count, QueuedUtc = now });
                await db.SaveChangesAsync(cancellationToken);
                await outbox.EnqueueAsync(mail, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                sent++;
            }
            return sent;
        }
    }

    /// <summary>The member's digest: by region, then by section, in their language, with the unsubscribe link and headers.</summary>
    private OutgoingMail Digest(TenantInfo hub, TenantMember to, IReadOnlyList<DigestEntry> items)
    {
        var draft = composer.Create(hub, to.Email, to.DisplayName, to.PreferredCulture);
        var culture = draft.Culture;
        var unsubscribe = urls.Absolute(hub, UnsubscribeTokens.PathOf(tokens.ForDigest(to.UserId)));
        draft.Subject(items.Count == 1 ? "Votre résumé de la semaine : 1 nouveauté" : "Votre résumé de la semaine : {0} nouveautés", items.Count)
            .Heading("Cette semaine dans ce que vous suivez");
        foreach (var region in items.GroupBy(i => i.Tenant).OrderBy(g => catalog.Find(g.Key)?.DisplayName ?? g.Key, StringComparer.Create(culture, true)))
        {
            draft.Section("{0}", catalog.Find(region.Key)?.DisplayName ?? region.Key);
            foreach (var section in region.GroupBy(i => i.Section).OrderBy(g => g.Key))
            {
                draft.Paragraph(SectionTitle(section.Key));
                foreach (var entry in section.OrderBy(e => e.WhenUtc))
                {
                    draft.LinkTo(entry.Title, entry.Url);
                    var when = entry.WhenUtc is { } utc ? ParisTime.FromUtc(utc).ToString("dddd d MMMM yyyy", culture) : "";
                    switch (entry.Section)
                    {
                        case DigestSection.CallsOpening: draft.Paragraph("Ouverture le {0}.", when); break;
                        case DigestSection.CallsClosing: draft.Paragraph("Clôture le {0}.", when); break;
                        case DigestSection.Events:
                            draft.Paragraph(entry.SeatsLeft == 1 ? "Le {0} : 1 place restante." : "Le {0} : {1} places restantes.", when, entry.SeatsLeft);
                            break;
                    }
                }
            }
        }
        return draft
            .Paragraph("Vous recevez ce résumé parce que vous suivez ces sujets sur le réseau.")
            .Link("Gérer mes abonnements", NotificationPaths.Preferences)
            .LinkTo(localization.Translate("Ne plus recevoir le résumé hebdomadaire", culture) ?? "Ne plus recevoir le résumé hebdomadaire", unsubscribe)
            .Header("List-Unsubscribe", $"<{unsubscribe}>")
            .Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
            .Bulk()
            .Build();
    }

    private static string SectionTitle(DigestSection section) => section switch
    {
        DigestSection.Showcases => "Nouveaux projets",
        DigestSection.Practices => "Nouveaux retours d'expérience",
        DigestSection.CallsOpening => "Appels à projets qui ouvrent",
        DigestSection.CallsClosing => "Appels à projets qui ferment bientôt",
        _ => "Événements où il reste des places",
    };
}

/// <summary>
/// Runs <see cref="DigestRun"/> every <see cref="FollowsOptions.DigestCheckMinutes"/> once the week's digest is due
/// (Monday from <see cref="FollowsOptions.DigestHour"/>, Paris time; a site stopped then sends it when it starts again).
/// </summary>
public sealed class DigestJob(IServiceScopeFactory scopeFactory, IOptions<FollowsOptions> options, TimeProvider clock, ILogger<DigestJob> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DigestJobEnabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var paris = ParisTime.FromUtc(clock.GetUtcNow().UtcDateTime);
            if (paris.DayOfWeek != DayOfWeek.Monday || paris.Hour >= settings.DigestHour)
            {
                try
                {
                    await using var scope = scopeFactory.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DigestRun>().RunAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "The weekly digest run failed; it will be retried");
                }
            }
            try { await Task.Delay(TimeSpan.FromMinutes(Math.Max(1, settings.DigestCheckMinutes)), clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
