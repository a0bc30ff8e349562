using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Mail.Data;
using Network.Modules.Mail.Services;
using Network.Tests.Infrastructure;
using static Network.Tests.Mail.MailTestSupport;

namespace Network.Tests.Mail;

/// <summary>
/// A message queued inside a tenant transaction commits or rolls back with the tenant's change, although the outbox
/// is in the host database (the tenant-side relay), and a relay interrupted by a crash is finished once by the sweep.
/// </summary>
public sealed class MailRelayTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";

    [Fact]
    public async Task A_message_queued_in_a_rolled_back_tenant_transaction_is_never_queued()
    {
        var subject = UniqueSubject("Inscription annulée");
        await InTenantTransactionAsync(subject, commit: false);

        Assert.Empty(await RowsAsync(factory, q => q.Where(m => m.Subject == subject)));
        Assert.Empty(await RelayRowsAsync());
    }

    [Fact]
    public async Task A_message_queued_in_a_committed_tenant_transaction_is_in_the_outbox_when_the_commit_returns()
    {
        var subject = UniqueSubject("Inscription confirmée");
        await InTenantTransactionAsync(subject, commit: true, attachment: true, checkBeforeCommit: true);

        var row = await RowAsync(factory, subject);
        Assert.Equal(Region, row.TenantName);
        var stored = await AttachmentsAsync(row.Id);
        Assert.Equal("journee.ics", Assert.Single(stored).FileName);
        Assert.Empty(await RelayRowsAsync());
    }

    [Fact]
    public async Task Several_messages_of_one_transaction_reach_the_outbox_together_and_a_rolled_back_one_never()
    {
        var subjects = Enumerable.Range(1, 3).Select(i => UniqueSubject($"Promotion {i}")).ToList();
        var rolledBack = UniqueSubject("Annulée avant");
        await RolledBackThenCommittedAsync(
            outbox => outbox.EnqueueAsync(NewMail(rolledBack)),
            async outbox => { foreach (var subject in subjects) await outbox.EnqueueAsync(NewMail(subject)); });
        foreach (var subject in subjects) Assert.Single(await RowsAsync(factory, q => q.Where(m => m.Subject == subject)));
        Assert.Empty(await RowsAsync(factory, q => q.Where(m => m.Subject == rolledBack)));
        Assert.Empty(await RelayRowsAsync());
    }

    [Fact]
    public async Task Messages_queued_at_once_commit_together_roll_back_together_and_a_bad_one_stops_all_before_any_write()
    {
        var committed = Enumerable.Range(1, 5).Select(i => UniqueSubject($"Lot {i}")).ToList();
        var rolledBack = Enumerable.Range(1, 2).Select(i => UniqueSubject($"Lot annulé {i}")).ToList();
        var refused = UniqueSubject("Lot refusé");
        await RolledBackThenCommittedAsync(
            outbox => outbox.EnqueueAllAsync(rolledBack.Select(s => NewMail(s)).ToList()),
            async outbox =>
            {
                await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAllAsync([NewMail(refused), NewMail(refused) with { To = "pas une adresse" }]));
                await outbox.EnqueueAllAsync(committed.Select(s => NewMail(s)).ToList());
                await outbox.EnqueueAllAsync([]);
            });
        foreach (var subject in committed) Assert.Single(await RowsAsync(factory, q => q.Where(m => m.Subject == subject)));
        foreach (var subject in rolledBack.Append(refused)) Assert.Empty(await RowsAsync(factory, q => q.Where(m => m.Subject == subject)));
        Assert.Empty(await RelayRowsAsync());
    }

    [Fact]
    public async Task A_message_queued_in_a_savepoint_that_rolls_back_is_never_queued_while_the_transaction_s_others_are()
    {
        // The relay copies what a transaction held from memory after its commit: what a rolled-back savepoint held must
        // not be among it (a registration of a batch that failed, with its verification mail).
        var kept = UniqueSubject("Inscription gardée");
        var undone = UniqueSubject("Inscription défaite");
        var after = UniqueSubject("Inscription suivante");
        await using (var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(Region)))
        {
            var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
            var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
            await using var transaction = await session.BeginTenantTransactionAsync();
            await outbox.EnqueueAsync(NewMail(kept));
            await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.InSavepointAsync<int>("essai", async () =>
            {
                await outbox.EnqueueAsync(NewMail(undone));
                throw new InvalidOperationException("Cette inscription échoue.");
            }));
            Assert.Equal(1, await transaction.InSavepointAsync("suivante", async () =>
            {
                await outbox.EnqueueAsync(NewMail(after));
                return 1;
            }));
            await transaction.CommitAsync();
        }
        Assert.Single(await RowsAsync(factory, q => q.Where(m => m.Subject == kept)));
        Assert.Single(await RowsAsync(factory, q => q.Where(m => m.Subject == after)));
        Assert.Empty(await RowsAsync(factory, q => q.Where(m => m.Subject == undone)));
        Assert.Empty(await RelayRowsAsync());
    }

    /// <summary>In one region scope: a tenant transaction that queues with <paramref name="rolledBack"/> and is rolled
    /// back, then one that queues with <paramref name="committed"/> and commits.</summary>
    private async Task RolledBackThenCommittedAsync(Func<IMailOutbox, Task> rolledBack, Func<IMailOutbox, Task> committed)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(Region));
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
        await using (var first = await session.BeginTenantTransactionAsync())
        {
            await rolledBack(outbox);
        }
        await using var transaction = await session.BeginTenantTransactionAsync();
        await committed(outbox);
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task A_relay_interrupted_by_a_crash_is_finished_once_by_the_sweep()
    {
        // The tenant's change committed, then the process died before the copy to the outbox: the row is still here.
        var waiting = UniqueSubject("Rappel en attente");
        await AddRelayRowAsync(NewMail(waiting), $"{Guid.NewGuid():N}@reseau.localhost");
        // Died after the copy, before deleting the row: the outbox already has the message.
        var copied = UniqueSubject("Rappel déjà copié");
        var copiedId = $"{Guid.NewGuid():N}@reseau.localhost";
        await AddRelayRowAsync(NewMail(copied), copiedId);
        await using (var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(Region)))
        {
            var outbox = scope.ServiceProvider.GetRequiredService<MailDbContext>();
            outbox.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = copiedId, TenantName = Region, To = "destinataire@exemple.fr", Subject = copied, TextBody = "t", HtmlBody = "h",
                CreatedUtc = DateTime.UtcNow, NextAttemptUtc = DateTime.UtcNow,
            });
            await outbox.SaveChangesAsync();
        }

        var sweep = factory.Service<MailRelayWorker>();
        Assert.True(await sweep.SweepAsync(DateTime.UtcNow.AddMinutes(1)) >= 2);
        Assert.Equal(0, await sweep.SweepAsync(DateTime.UtcNow.AddMinutes(1)));

        Assert.Single(await RowsAsync(factory, q => q.Where(m => m.Subject == waiting)));
        Assert.Equal(copiedId, (await RowAsync(factory, copied)).MessageId);
        Assert.Empty(await RelayRowsAsync());
    }

    [Fact]
    public async Task The_sweep_leaves_young_rows_to_the_request_that_queued_them()
    {
        var subject = UniqueSubject("Tout juste déposé");
        await AddRelayRowAsync(NewMail(subject), $"{Guid.NewGuid():N}@reseau.localhost");
        Assert.Equal(0, await factory.Service<MailRelayWorker>().SweepAsync(DateTime.UtcNow.AddMinutes(-1)));
        Assert.Empty(await RowsAsync(factory, q => q.Where(m => m.Subject == subject)));
        await factory.Service<MailRelayWorker>().SweepAsync(DateTime.UtcNow.AddMinutes(1));
        Assert.Single(await RowsAsync(factory, q => q.Where(m => m.Subject == subject)));
    }

    [Fact]
    public async Task Inside_a_host_transaction_the_message_joins_it_as_before()
    {
        var subject = UniqueSubject("Compte créé");
        await using (var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(Region)))
        {
            var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
            await using var tenant = await session.BeginTenantTransactionAsync();
            await using var host = await session.BeginHostTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IMailOutbox>().EnqueueAsync(NewMail(subject));
            await host.CommitAsync();
            // The tenant transaction rolls back: the host one decided.
        }
        Assert.Single(await RowsAsync(factory, q => q.Where(m => m.Subject == subject)));
        Assert.Empty(await RelayRowsAsync());
    }

    private async Task InTenantTransactionAsync(string subject, bool commit, bool attachment = false, bool checkBeforeCommit = false)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(Region));
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        await using var transaction = await session.BeginTenantTransactionAsync();
        var mail = NewMail(subject);
        if (attachment) mail = mail with { Attachments = [new MailAttachment("journee.ics", "text/calendar; charset=utf-8", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray())] };
        await scope.ServiceProvider.GetRequiredService<IMailOutbox>().EnqueueAsync(mail);
        // Until the tenant commits, the outbox does not have it (the worker cannot send a message for a change that may roll back).
        if (checkBeforeCommit) Assert.Empty(await RowsAsync(factory, q => q.Where(m => m.Subject == subject)));
        if (commit) await transaction.CommitAsync();
    }

    private async Task AddRelayRowAsync(OutgoingMail mail, string messageId)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(Region));
        var db = scope.ServiceProvider.GetRequiredService<MailRelayDbContext>();
        db.Relayed.Add(new RelayedMail { MessageId = messageId, PayloadJson = JsonSerializer.Serialize(mail), CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    private async Task<List<RelayedMail>> RelayRowsAsync()
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(Region));
        return await scope.ServiceProvider.GetRequiredService<MailRelayDbContext>().Relayed.AsNoTracking().ToListAsync();
    }

    private async Task<List<OutboxAttachment>> AttachmentsAsync(long messageId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDbContext>().OutboxAttachments.AsNoTracking().Where(a => a.OutboxMessageId == messageId).ToListAsync();
    }
}
