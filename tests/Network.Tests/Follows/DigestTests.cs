using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Mail;
using Network.Modules.Content.Feed;
using Network.Modules.Follows.Data;
using Network.Modules.Follows.Services;
using Network.Modules.Mail.Data;
using Network.Modules.Mail.Services;
using Network.Modules.Showcases.Data;
using Network.Tests.Accounts;
using Network.Tests.Calls;
using Network.Tests.Content;
using Network.Tests.Events;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;
using static Network.Tests.Follows.FollowsTestKit;

namespace Network.Tests.Follows;

/// <summary>
/// Immediate mails (once per item and member) and the weekly digest: its content grouped by region and section, never
/// empty, once per ISO week across runs and a restart, bulk mail behind transactional mail, and a run over generated
/// members touching only those with something to receive.
/// </summary>
public sealed class DigestTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "reseau-tests", "digests-" + Guid.NewGuid().ToString("N"));

    private MovableClockFactory Host(TimeSpan advanced)
    {
        var factory = new MovableClockFactory();
        factory.Settings["Network:DataPath"] = _data;
        factory.Settings["Follows:DigestPauseMilliseconds"] = "0";
        factory.Clock.Advance(advanced);
        return factory;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static async Task<string> MemberAsync(NetworkWebFactory factory, string hint, string? culture = null)
        => (await factory.PersonAsync(Hdf, "Contributor", "Membre " + hint, culture)).User.Id;

    private static async Task<string> EmailOfAsync(NetworkWebFactory factory, string userId)
        => await factory.WithAccountsAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync());

    [Fact]
    public async Task An_immediate_follower_gets_one_mail_per_item_whatever_the_replays()
    {
        using var factory = Host(TimeSpan.Zero);
        await factory.EnsureVocabulariesAsync(Hdf);
        var (regional, national, weekly, author) = (await MemberAsync(factory, "régional"), await MemberAsync(factory, "national"), await MemberAsync(factory, "hebdo"), await MemberAsync(factory, "autrice"));
        await factory.FollowAsync(regional, FollowKinds.Domain, Hdf, "musees", FollowDelivery.Immediate);
        await factory.FollowAsync(regional, FollowKinds.Region, Hdf, "", FollowDelivery.Immediate);
        await factory.FollowAsync(national, FollowKinds.Domain, HubTenant, "musees", FollowDelivery.Immediate);
        await factory.FollowAsync(weekly, FollowKinds.Domain, Hdf, "musees", FollowDelivery.Weekly);

        var item = await factory.PublishAsync(Hdf, "Visite augmentée du beffroi " + Guid.NewGuid().ToString("N")[..6], new ShowcaseFields { Domains = ["musees"], LeadOrganisation = "Musée de la Chartreuse" });
        await factory.DrainAsync(Hdf);
        await factory.DrainAsync(Hdf);
        // The feed is at least once: the same change offered again sends nothing more.
        var consumer = factory.Services.GetServices<IContentChangeConsumer>().Single(c => c.Name == "follows");
        await factory.InTenantAsync(Hdf, async sp =>
        {
            var changes = await sp.GetRequiredService<Network.Modules.Content.Data.ContentDbContext>().Changes.AsNoTracking().Where(c => c.ItemId == item.Id).ToListAsync();
            await consumer.ApplyAsync(factory.Tenant(Hdf), changes, sp, CancellationToken.None);
            return true;
        });

        var regionalMail = Assert.Single(await factory.OutboxForAsync(await EmailOfAsync(factory, regional)), m => m.Subject.Contains(item.Title));
        Assert.Contains($"/{Hdf}/projets/{item.Slug}", regionalMail.TextBody);
        Assert.Equal(0, regionalMail.Priority);
        Assert.Contains("List-Unsubscribe-Post", regionalMail.HeadersJson);
        Assert.Single(await factory.OutboxForAsync(await EmailOfAsync(factory, national)), m => m.Subject.Contains(item.Title));
        Assert.DoesNotContain(await factory.OutboxForAsync(await EmailOfAsync(factory, weekly)), m => m.Subject.Contains(item.Title));
        _ = author;
    }

    [Fact]
    public async Task The_weekly_digest_groups_two_regions_is_never_empty_and_goes_once_a_week_across_a_restart()
    {
        var week = TimeSpan.FromDays(7);
        string reader, english, idle, switchedOff, readerEmail, idleEmail, switchedOffEmail, englishEmail;
        string showcaseTitle, otherTitle, callTitle, upcomingTitle, eventTitle, fullTitle;
        using (var first = Host(TimeSpan.Zero))
        {
            await first.EnsureVocabulariesAsync(Hdf);
            await first.EnsureVocabulariesAsync(Na);
            (reader, english, idle, switchedOff) = (await MemberAsync(first, "lectrice"), await MemberAsync(first, "reader", "en"), await MemberAsync(first, "oisif"), await MemberAsync(first, "éteint"));
            (readerEmail, englishEmail, idleEmail, switchedOffEmail) = (await EmailOfAsync(first, reader), await EmailOfAsync(first, english), await EmailOfAsync(first, idle), await EmailOfAsync(first, switchedOff));
            await first.FollowAsync(reader, FollowKinds.Region, Hdf, "", FollowDelivery.Weekly);
            await first.FollowAsync(reader, FollowKinds.Domain, Na, "archives", FollowDelivery.Weekly);
            await first.FollowAsync(english, FollowKinds.Domain, Na, "archives", FollowDelivery.Weekly);
            // A technology nothing was published about this week: no mail at all.
            await first.FollowAsync(idle, FollowKinds.Technology, Na, "application-mobile", FollowDelivery.Weekly);
            await first.FollowAsync(switchedOff, FollowKinds.Region, Hdf, "", FollowDelivery.Weekly);
            await using (var scope = first.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<FollowDesk>().SetNoDigestAsync(switchedOff, true);

            var suffix = Guid.NewGuid().ToString("N")[..6];
            showcaseTitle = "Jumeau numérique du beffroi " + suffix;
            otherTitle = "Archives sonores des ports " + suffix;
            callTitle = "Appel qui ferme bientôt " + suffix;
            upcomingTitle = "Appel qui va ouvrir " + suffix;
            eventTitle = "Journée avec des places " + suffix;
            fullTitle = "Journée complète " + suffix;
            await first.PublishAsync(Hdf, showcaseTitle, new ShowcaseFields { Domains = ["musees"] });
            await first.PublishAsync(Na, otherTitle, new ShowcaseFields { Domains = ["archives"] });
            await first.PublishAsync(Na, "Hors sujet " + suffix, new ShowcaseFields { Domains = ["musees"] });
            var now = DateTime.UtcNow;
            await first.CreateCallAsync(Hdf, callTitle, CallsTestKit.Fields(now.AddDays(-20), now + week + TimeSpan.FromDays(3)));
            await first.CreateCallAsync(Hdf, upcomingTitle, CallsTestKit.Fields(now + week + TimeSpan.FromHours(12), now + week + TimeSpan.FromDays(40)));
            await first.CreateEventAsync(Hdf, eventTitle, EventsTestKit.Fields(now + week + TimeSpan.FromDays(5), capacity: 50));
            var full = await first.CreateEventAsync(Hdf, fullTitle, EventsTestKit.Fields(now + week + TimeSpan.FromDays(6), capacity: 2));
            await first.SetSeatsTakenAsync(Hdf, full.Item.Id, "", 2);

            // Next week: the digest covers the week the items were published in.
            first.Clock.Advance(week);
            var result = await first.RunDigestAsync();
            Assert.True(result.Members >= 2);
            await first.RunDigestAsync();

            var digest = Assert.Single(await first.DigestsForAsync(readerEmail));
            var text = digest.TextBody;
            Assert.Equal(1, digest.Priority);
            Assert.Contains("== Hauts-de-France ==", text);
            Assert.Contains("== Nouvelle-Aquitaine ==", text);
            Assert.True(text.IndexOf("== Hauts-de-France ==", StringComparison.Ordinal) < text.IndexOf("== Nouvelle-Aquitaine ==", StringComparison.Ordinal));
            Assert.Contains(showcaseTitle, text);
            Assert.Contains(otherTitle, text);
            Assert.DoesNotContain("Hors sujet " + suffix, text);
            Assert.Contains("Nouveaux projets", text);
            Assert.Contains("Appels à projets qui ferment bientôt", text);
            Assert.Contains(callTitle, text);
            Assert.Contains("Appels à projets qui ouvrent", text);
            Assert.Contains(upcomingTitle, text);
            Assert.Contains("Événements où il reste des places", text);
            Assert.Contains(eventTitle, text);
            Assert.Contains("50 places restantes", text);
            Assert.DoesNotContain(fullTitle, text);
            // Hauts-de-France's items sit in its section, Nouvelle-Aquitaine's in its own.
            Assert.True(text.IndexOf(showcaseTitle, StringComparison.Ordinal) < text.IndexOf("== Nouvelle-Aquitaine ==", StringComparison.Ordinal));
            Assert.True(text.IndexOf(otherTitle, StringComparison.Ordinal) > text.IndexOf("== Nouvelle-Aquitaine ==", StringComparison.Ordinal));
            Assert.Contains("/desabonnement/", text);
            var headers = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(digest.HeadersJson!)!;
            Assert.Matches("^<https?://[^>]+/desabonnement/[^>]+>$", headers["List-Unsubscribe"]);
            Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);

            var englishDigest = Assert.Single(await first.DigestsForAsync(englishEmail));
            Assert.Contains(otherTitle, englishDigest.TextBody);
            Assert.DoesNotContain(showcaseTitle, englishDigest.TextBody);
            Assert.Empty(await first.DigestsForAsync(idleEmail));
            Assert.Empty(await first.DigestsForAsync(switchedOffEmail));
        }

        // The site restarts on the same data, the same week: nobody gets a second digest.
        using (var second = Host(week))
        {
            await second.RunDigestAsync();
            Assert.Single(await second.DigestsForAsync(readerEmail));
            Assert.Single(await second.DigestsForAsync(englishEmail));
            Assert.Empty(await second.DigestsForAsync(idleEmail));
            Assert.Equal(1, await second.WithFollowsAsync(db => db.DigestDeliveries.CountAsync(d => d.UserId == reader)));

            // A new project in Hauts-de-France this week: the week after, a new digest for the reader, none for the English reader.
            await second.PublishAsync(Hdf, "Projet de la semaine suivante " + Guid.NewGuid().ToString("N")[..6], new ShowcaseFields { Domains = ["musees"] });
            second.Clock.Advance(week);
            await second.RunDigestAsync();
            Assert.Equal(2, await second.WithFollowsAsync(db => db.DigestDeliveries.CountAsync(d => d.UserId == reader)));
            Assert.Equal(1, (await second.DigestsForAsync(englishEmail)).Count);
        }
    }

    [Fact]
    public async Task Transactional_mail_queued_during_a_digest_backlog_is_sent_first()
    {
        using var factory = Host(TimeSpan.Zero);
        var domain = $"bulk-{Guid.NewGuid():N}"[..12] + ".test";
        var hub = factory.Tenant(HubTenant);
        // A backlog of digests (committed at once, as a digest batch is), then a password reset queued behind them.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
            await using var transaction = await scope.ServiceProvider.GetRequiredService<Network.Core.Data.DatabaseSession>().BeginHostTransactionAsync();
            for (var i = 0; i < 300; i++)
                await outbox.EnqueueAsync(new OutgoingMail($"lecteur{i}@{domain}", "Votre résumé", "Texte", "<p>Texte</p>", hub.Name, Bulk: true));
            await transaction.CommitAsync();
        }
        async Task<int> BulkSentAsync(DateTime? before, DateTime? from = null)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MailDbContext>();
            return await db.OutboxMessages.CountAsync(m => m.To.EndsWith("@" + domain) && m.Priority == 1 && m.SentUtc != null
                && (before == null || m.SentUtc < before) && (from == null || m.SentUtc >= from));
        }
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMailOutbox>().EnqueueAsync(new OutgoingMail($"urgent@{domain}", "Réinitialiser votre mot de passe", "Lien", "<p>Lien</p>", hub.Name));

        // The store hands the reset out first (unless the worker, which claims a batch at a time, already holds or sent it).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MailDbContext>();
            var due = await scope.ServiceProvider.GetRequiredService<MailOutboxStore>().FindDueAsync(DateTime.UtcNow.AddMinutes(1), 20);
            var first = await db.OutboxMessages.AsNoTracking().Where(m => due.Contains(m.Id)).ToListAsync();
            var urgent = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == $"urgent@{domain}");
            var taken = urgent.SentUtc is not null || urgent.LockedUntilUtc > DateTime.UtcNow;
            Assert.True(taken || first.Count == 0 || first.Any(m => m.To == $"urgent@{domain}"), "the reset is in the first batch of due messages");
        }
        // The worker (pickup folder) sends it after at most the batch it was busy with, while the backlog still waits.
        OutboxMessage? reset = null;
        for (var i = 0; i < 600 && reset?.SentUtc is null; i++)
        {
            await Task.Delay(100);
            reset = (await factory.OutboxForAsync($"urgent@{domain}")).SingleOrDefault();
        }
        Assert.NotNull(reset?.SentUtc);
        // Counted by the messages' own times (the reset's queueing is its row's creation), not by counts read around the
        // enqueue call: on a loaded machine the worker sends whole batches while that call runs.
        var sentMeanwhile = await BulkSentAsync(reset!.SentUtc, from: reset.CreatedUtc);
        Assert.True(sentMeanwhile <= 40, $"{sentMeanwhile} digests were sent between the reset's queueing and its sending");
        Assert.True(300 - await BulkSentAsync(reset.SentUtc) >= 100, "most of the backlog was still waiting when the reset went out");
    }

    [Fact]
    public async Task Extra_headers_that_the_outbox_writes_itself_are_refused()
    {
        using var factory = Host(TimeSpan.Zero);
        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
        foreach (var (name, value) in new[] { ("From", "x@y.fr"), ("Bcc", "x@y.fr"), ("X Bad", "v"), ("List-Unsubscribe", "a\r\nBcc: x@y.fr"), ("List-Id", "") })
            await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(new OutgoingMail("a@b.fr", "Sujet", "T", "<p>T</p>", HubTenant, Headers: new Dictionary<string, string> { [name] = value })));
    }

    [Fact]
    public async Task A_digest_run_over_generated_members_mails_exactly_those_with_something_to_receive()
    {
        using var factory = Host(TimeSpan.Zero);
        await factory.EnsureVocabulariesAsync(Hdf);
        await factory.EnsureVocabulariesAsync(Na);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<FollowersGenerator>().GenerateAsync(2000, seed: 7, emailDomain: "generes.test");
        var item = await factory.PublishAsync(Hdf, "Projet de la semaine " + Guid.NewGuid().ToString("N")[..6], new ShowcaseFields { Domains = ["musees"], Technologies = ["numerisation-3d"] });
        factory.Clock.Advance(TimeSpan.FromDays(7));

        // Expected, from the follows themselves: weekly follows of a topic the item belongs to.
        var topics = new[] { $"region|{Hdf}|", $"domain|{Hdf}|musees", $"technology|{Hdf}|numerisation-3d", $"region|{HubTenant}|", $"domain|{HubTenant}|musees", $"technology|{HubTenant}|numerisation-3d" };
        var expected = await factory.WithFollowsAsync(db => db.Follows.Where(f => f.Delivery == FollowDelivery.Weekly && topics.Contains(f.Topic)).Select(f => f.UserId).Distinct().CountAsync());
        Assert.InRange(expected, 50, 1999);

        var result = await factory.RunDigestAsync();
        Assert.Equal(expected, result.Members);
        Assert.Equal(expected, await factory.WithFollowsAsync(db => db.DigestDeliveries.CountAsync()));
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal(expected, await scope.ServiceProvider.GetRequiredService<MailDbContext>().OutboxMessages.CountAsync(m => m.To.EndsWith("@generes.test") && m.Priority == 1));
        Assert.Equal(0, (await factory.RunDigestAsync()).Members);
        _ = item;
    }
}
