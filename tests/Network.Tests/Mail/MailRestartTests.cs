using Microsoft.Data.Sqlite;
using Network.Tests.Infrastructure;
using static Network.Tests.Mail.MailTestSupport;

namespace Network.Tests.Mail;

/// <summary>The outbox survives the host: what one process could not send, the next one sends.</summary>
public sealed class MailRestartTests
{
    [Fact]
    public async Task Pending_messages_and_a_crashed_send_are_delivered_once_after_a_restart()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "reseau-tests", "restart-" + Guid.NewGuid().ToString("N"));
        using var smtp = new SmtpServerFixture();
        try
        {
            var subjects = Enumerable.Range(1, 3).Select(i => UniqueSubject($"Avant redémarrage {i}")).ToList();
            smtp.Stop();
            using (var first = CreateHost(dataPath, smtp))
            {
                foreach (var subject in subjects) await EnqueueAsync(first, NewMail(subject));
                await WaitUntilAsync(async () => (await RowsAsync(first, q => q.Where(m => subjects.Contains(m.Subject)))).All(r => r.Attempts >= 1 && r.LastError != null),
                    "the first host has tried every message");
            }

            // A node that died in the middle of a send leaves its lease behind; the lease has expired by now.
            var crashedId = Guid.NewGuid().ToString("N") + "@reseau.localhost";
            var crashedSubject = UniqueSubject("Envoi interrompu");
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "host.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO "OutboxMessages" ("MessageId", "TenantName", "To", "Subject", "TextBody", "HtmlBody", "CreatedUtc", "Attempts", "NextAttemptUtc", "LockedUntilUtc")
                    VALUES ($id, 'nouvelle-aquitaine', 'reprise@exemple.fr', $subject, 'Texte', '<p>Texte</p>', $created, 1, $created, $locked)
                    """;
                command.Parameters.AddWithValue("$id", crashedId);
                command.Parameters.AddWithValue("$subject", crashedSubject);
                command.Parameters.AddWithValue("$created", DateTime.UtcNow.AddMinutes(-10).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF"));
                command.Parameters.AddWithValue("$locked", DateTime.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF"));
                await command.ExecuteNonQueryAsync();
            }

            smtp.Start();
            using var second = CreateHost(dataPath, smtp);
            _ = second.Services;
            var expected = subjects.Append(crashedSubject).ToList();
            await smtp.WaitForMessagesAsync(m => expected.Contains(m.Subject), expected.Count);
            await WaitUntilAsync(async () => (await RowsAsync(second, q => q.Where(m => expected.Contains(m.Subject)))).All(r => r.SentUtc != null), "every message is marked sent");
            await SendMarkerAsync(second, smtp);
            Assert.All(expected, subject => Assert.Single(smtp.Messages, m => m.Subject == subject));
            Assert.Single(smtp.Messages, m => m.MessageId == crashedId);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }

    private static NetworkWebFactory CreateHost(string dataPath, SmtpServerFixture smtp)
    {
        var factory = new NetworkWebFactory();
        factory.Settings["Network:DataPath"] = dataPath;
        smtp.ConfigureHost(factory);
        UseFastRetries(factory);
        factory.Settings["Mail:MaxAttempts"] = "1000";
        return factory;
    }
}
