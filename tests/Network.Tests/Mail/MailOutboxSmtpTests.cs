using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Mail.Data;
using Network.Tests.Infrastructure;
using static Network.Tests.Mail.MailTestSupport;

namespace Network.Tests.Mail;

/// <summary>The outbox end to end through a real SMTP server (aiosmtpd).</summary>
public sealed class MailOutboxSmtpTests(SmtpHostFixture fixture) : IClassFixture<SmtpHostFixture>
{
    private NetworkWebFactory Factory => fixture.Factory;
    private SmtpServerFixture Smtp => fixture.Smtp;

    [Fact]
    public async Task Rolled_back_message_is_neither_stored_nor_sent()
    {
        var subject = UniqueSubject("Annulé");
        await EnqueueAsync(Factory, NewMail(subject), commit: false);

        Assert.Empty(await RowsAsync(Factory, q => q.Where(m => m.Subject == subject)));
        await SendMarkerAsync(Factory, Smtp);
        Assert.DoesNotContain(Smtp.Messages, m => m.Subject == subject);
    }

    [Fact]
    public async Task Committed_message_commits_with_the_callers_change_and_is_delivered_once()
    {
        var subject = UniqueSubject("Confirmation");
        await using (var scope = Factory.Service<TenantScopeFactory>().CreateScope(Factory.Tenant("hauts-de-france")))
        {
            var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
            await using var transaction = await session.BeginHostTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IMailOutbox>().EnqueueAsync(NewMail(subject, toName: "Camille Durand"));
            // Until the caller commits, nobody else (the worker included) sees the message.
            Assert.Empty(await RowsAsync(Factory, q => q.Where(m => m.Subject == subject)));
            await transaction.CommitAsync();
        }

        var received = await Smtp.WaitForMessageAsync(m => m.Subject == subject);
        var row = await RowAsync(Factory, subject);
        Assert.Equal(row.MessageId, received.MessageId);
        Assert.Equal("destinataire@exemple.fr", received.ToAddress);
        Assert.Contains("Camille Durand", received.To);
        Assert.Equal("Hauts-de-France via Réseau Culture et Numérique", received.FromName);
        Assert.Contains("ne-pas-repondre@reseau.localhost", received.From);
        Assert.Equal($"Texte de « {subject} ».", received.TextBody);
        Assert.Contains($"<h1>{subject}</h1>", received.HtmlBody);
        Assert.StartsWith("multipart/alternative", received.Header("Content-Type"));

        await WaitUntilAsync(async () => (await RowAsync(Factory, subject)).SentUtc is not null, "the message is marked sent");
        row = await RowAsync(Factory, subject);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.NextAttemptUtc);
        Assert.Null(row.LockedUntilUtc);
        await SendMarkerAsync(Factory, Smtp);
        Assert.Single(Smtp.Messages, m => m.MessageId == row.MessageId);
    }

    [Fact]
    public async Task Attachments_travel_with_the_message_byte_for_byte()
    {
        var subject = UniqueSubject("Inscription confirmée");
        var calendar = System.Text.Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Journée régionale\r\nEND:VCALENDAR\r\n");
        var binary = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();
        await EnqueueAsync(Factory, NewMail(subject) with
        {
            Attachments = [new MailAttachment("journee-regionale.ics", "text/calendar; charset=utf-8", calendar), new MailAttachment("donnees.bin", "application/octet-stream", binary)],
        });

        var received = await Smtp.WaitForMessageAsync(m => m.Subject == subject);
        Assert.StartsWith("multipart/mixed", received.Header("Content-Type"));
        Assert.Equal($"Texte de « {subject} ».", received.TextBody);
        Assert.Collection(received.Attachments,
            ics =>
            {
                Assert.Equal("journee-regionale.ics", ics.FileName);
                Assert.StartsWith("text/calendar", ics.ContentType);
                Assert.Equal(calendar, ics.Content);
            },
            bin =>
            {
                Assert.Equal("donnees.bin", bin.FileName);
                Assert.Equal(binary, bin.Content);
            });
    }

    [Theory]
    [InlineData("", "text/calendar")]
    [InlineData("../secret.ics", "text/calendar")]
    [InlineData("a\r\nBcc: x@y.fr", "text/calendar")]
    [InlineData("ok.ics", "pas un type")]
    [InlineData("ok.ics", "")]
    public async Task Bad_attachments_are_refused_before_they_reach_the_outbox(string fileName, string contentType)
    {
        var subject = UniqueSubject("Pièce jointe invalide");
        var mail = NewMail(subject) with { Attachments = [new MailAttachment(fileName, contentType, [1, 2, 3])] };
        await Assert.ThrowsAsync<ArgumentException>(() => EnqueueAsync(Factory, mail));
        Assert.Empty(await RowsAsync(Factory, q => q.Where(m => m.Subject == subject)));
    }

    [Fact]
    public async Task Empty_or_oversized_attachments_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => EnqueueAsync(Factory, NewMail(UniqueSubject("Vide")) with { Attachments = [new MailAttachment("a.ics", "text/calendar", [])] }));
        await Assert.ThrowsAsync<ArgumentException>(() => EnqueueAsync(Factory, NewMail(UniqueSubject("Énorme")) with
        {
            Attachments = [new MailAttachment("a.bin", "application/octet-stream", new byte[OutboxAttachmentConfiguration.MaxContentLength + 1])],
        }));
    }

    [Fact]
    public async Task Accented_subject_names_and_bodies_survive_in_utf8()
    {
        var subject = "Journée régionale Culture et Numérique : inscriptions ouvertes à Lille — " + Guid.NewGuid().ToString("N")[..8];
        var mail = new OutgoingMail("participante@exemple.fr", subject,
            "Être présent·e à la Journée ? Répondez avant l'été. Œuvres, façades, « guillemets ».",
            "<!DOCTYPE html><html lang=\"fr\"><body><p>Être présent·e ? Œuvres, façades.</p></body></html>",
            "nouvelle-aquitaine", "Zoé Lefèvre-Éluard");
        await EnqueueAsync(Factory, mail);

        var received = await Smtp.WaitForMessageAsync(m => m.Subject == subject);
        Assert.Equal(subject, received.Subject);
        Assert.Equal("Zoé Lefèvre-Éluard", MailAddressName(received.To));
        Assert.Equal("Nouvelle-Aquitaine via Réseau Culture et Numérique", received.FromName);
        Assert.Equal(mail.TextBody, received.TextBody);
        Assert.Contains("Être présent·e ? Œuvres, façades.", received.HtmlBody);
    }

    public static TheoryData<string, string, string?> BadMails => new()
    {
        { "pas-une-adresse", "Objet", null },
        { "", "Objet", null },
        { "a@exemple.fr, b@exemple.fr", "Objet", null },
        { "Camille <camille@exemple.fr>", "Objet", null },
        { "victime@exemple.fr\r\nBcc: tous@exemple.fr", "Objet", null },
        { "ok@exemple.fr", "", null },
        { "ok@exemple.fr", "Objet\r\nBcc: tous@exemple.fr", null },
        { "ok@exemple.fr", new string('x', 301), null },
        { "ok@exemple.fr", "Objet", "Nom\nBcc: tous@exemple.fr" },
    };

    [Theory]
    [MemberData(nameof(BadMails))]
    public async Task Bad_input_is_refused_with_a_clear_error_and_nothing_is_stored(string to, string subject, string? toName)
    {
        var before = (await RowsAsync(Factory)).Count;
        var error = await Assert.ThrowsAsync<ArgumentException>(() => EnqueueAsync(Factory, new OutgoingMail(to, subject, "Texte", "<p>Texte</p>", "network", toName)));
        Assert.Matches("recipient|subject", error.Message);
        Assert.Equal(before, (await RowsAsync(Factory)).Count);
    }

    [Fact]
    public async Task Missing_bodies_or_tenant_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => EnqueueAsync(Factory, new OutgoingMail("ok@exemple.fr", "Objet", "", "<p>x</p>", "network")));
        await Assert.ThrowsAsync<ArgumentException>(() => EnqueueAsync(Factory, new OutgoingMail("ok@exemple.fr", "Objet", "x", " ", "network")));
        await using var scope = Factory.Services.CreateAsyncScope();
        await Assert.ThrowsAsync<ArgumentException>(() => scope.ServiceProvider.GetRequiredService<IMailOutbox>().EnqueueAsync(new OutgoingMail("ok@exemple.fr", "Objet", "x", "<p>x</p>", "")));
    }

    [Fact]
    public async Task Messages_wait_in_the_outbox_while_smtp_is_down_and_each_arrives_once_when_it_is_back()
    {
        var subjects = Enumerable.Range(1, 5).Select(i => UniqueSubject($"Panne {i}")).ToList();
        Smtp.Stop();
        try
        {
            foreach (var subject in subjects) await EnqueueAsync(Factory, NewMail(subject));

            // Every message has been tried, failed, and is scheduled again; none is lost or marked sent.
            await WaitUntilAsync(async () =>
            {
                var rows = await RowsAsync(Factory, q => q.Where(m => subjects.Contains(m.Subject)));
                return rows.Count == subjects.Count && rows.All(r => r.Attempts >= 2);
            }, "every message has been tried twice");
            var waiting = await RowsAsync(Factory, q => q.Where(m => subjects.Contains(m.Subject)));
            Assert.All(waiting, r =>
            {
                Assert.Null(r.SentUtc);
                Assert.NotNull(r.NextAttemptUtc);
                Assert.False(string.IsNullOrEmpty(r.LastError));
            });
            // The host keeps serving while mail cannot go out.
            var health = await Factory.CreateBrowserClient().GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            Smtp.Start();
        }

        var ids = (await RowsAsync(Factory, q => q.Where(m => subjects.Contains(m.Subject)))).Select(r => r.MessageId).ToHashSet();
        await Smtp.WaitForMessagesAsync(m => ids.Contains(m.MessageId), subjects.Count);
        await WaitUntilAsync(async () => (await RowsAsync(Factory, q => q.Where(m => subjects.Contains(m.Subject)))).All(r => r.SentUtc is not null), "every message is marked sent");
        await SendMarkerAsync(Factory, Smtp);
        var received = Smtp.Messages.Where(m => ids.Contains(m.MessageId)).GroupBy(m => m.MessageId).ToList();
        Assert.Equal(subjects.Count, received.Count);
        Assert.All(received, group => Assert.Single(group));
    }

    private static string MailAddressName(string header) => System.Net.Mail.MailAddress.TryCreate(header, out var address) ? address.DisplayName : header;
}
