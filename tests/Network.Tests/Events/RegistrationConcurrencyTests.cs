using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Events;

/// <summary>Concurrent registrations through the whole HTTP pipeline never give a seat more than the capacity.</summary>
public sealed class RegistrationConcurrencyTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";

    [Fact]
    public async Task Two_hundred_parallel_attempts_for_twenty_seats_end_with_twenty_confirmed_and_one_hundred_eighty_waiting_in_order()
    {
        var view = await factory.CreateOpenEventAsync(Region, "Journée prise d'assaut", capacity: 20, workshopCapacity: 5);
        var client = factory.CreateBrowserClient();
        var form = await client.GetDocumentAsync(EventsTestKit.FormPath(Region, view));
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var values = HtmlForms.FormValues(form, "#inscription", new Dictionary<string, string>
            {
                ["Input.FullName"] = $"Personne {i}",
                ["Input.Email"] = $"personne-{i}@exemple.fr",
                ["Input.Workshops"] = "atelier-3d",
            });
            var response = await client.PostAsync(EventsTestKit.FormPath(Region, view), new FormUrlEncodedContent(values));
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), Email: $"PERSONNE-{i}@EXEMPLE.FR");
        }));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Contains("id=\"inscription-resultat\"", r.Item2));

        var rows = await factory.RegistrationsAsync(Region, view.Id);
        Assert.Equal(200, rows.Count);
        Assert.Equal(200, rows.Select(r => r.NormalizedEmail).Distinct().Count());
        var confirmed = rows.Where(r => r.Status == RegistrationStatus.Confirmed).ToList();
        var waiting = rows.Where(r => r.Status == RegistrationStatus.Waitlisted).ToList();
        Assert.Equal(20, confirmed.Count);
        Assert.Equal(180, waiting.Count);
        // In order: the first twenty recorded have the seats, and the waitlist's order (time, then id) is the order of recording.
        Assert.Equal(rows.Take(20).Select(r => r.Id), confirmed.Select(r => r.Id));
        Assert.Equal(waiting.Select(r => r.Id), waiting.OrderBy(r => r.WaitlistedUtc).ThenBy(r => r.Id).Select(r => r.Id));
        Assert.True(waiting.Zip(waiting.Skip(1)).All(p => p.First.WaitlistedUtc <= p.Second.WaitlistedUtc));
        var seats = await factory.SeatsTakenAsync(Region, view.Id);
        Assert.Equal(20, seats[""]);
        Assert.Equal(5, seats["atelier-3d"]);
        // Positions 1..180, each once.
        var positions = await factory.WithDeskAsync(Region, async desk =>
        {
            var list = new List<int>();
            foreach (var r in waiting) list.Add((await desk.ViewAsync(r))!.WaitlistPosition!.Value);
            return list;
        });
        Assert.Equal(Enumerable.Range(1, 180), positions);
        // The place in line each answer showed (counted once per batch, then carried on within it) is the final one.
        var shown = responses.Select(r => (r.Email, Position: System.Text.RegularExpressions.Regex.Match(r.Item2, "data-position=\"([0-9]*)\"").Groups[1].Value))
            .Where(r => r.Position.Length > 0).ToDictionary(r => r.Email, r => int.Parse(r.Position, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(waiting.Select(r => r.NormalizedEmail).Zip(positions).ToDictionary(p => p.First, p => p.Second), shown);
    }

    [Fact]
    public async Task Registrations_that_queue_meanwhile_share_one_transaction_and_one_that_fails_in_it_fails_alone()
    {
        var view = await factory.CreateOpenEventAsync(Region, "Journée en un seul envoi", capacity: 10, workshopCapacity: 5);
        // A trigger refuses the workshop choice of some people: their registration throws in the middle of the shared
        // transaction, after its event seat was taken and its row written.
        await factory.InTenantAsync(Region, sp => sp.GetRequiredService<EventsDbContext>().Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER refuse_for_test BEFORE INSERT ON EventWorkshopChoices
            WHEN (SELECT FullName FROM EventRegistrations WHERE Id = NEW.RegistrationId) LIKE 'Refusé%'
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
            """));
        var batcher = factory.Service<RegistrationBatcher>();
        var requests = Enumerable.Range(0, 40).Select(i => EventsTestKit.Request(i % 5 == 2 ? $"Refusé {i}" : $"Personne {i}", $"lot-{i}@exemple.fr", "atelier-3d")).ToList();

        // While the tenant's registration changes are held up, all forty queue: the next batch takes them all.
        Task<RegistrationResult>[] attempts;
        await using (await factory.Service<RegistrationGate>().EnterAsync(Region))
        {
            attempts = requests.Select(r => Task.Run(() => factory.RegisterAsync(Region, view.Id, r))).ToArray();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (batcher.QueuedCount(Region) < requests.Count && DateTime.UtcNow < deadline) await Task.Delay(20);
            Assert.Equal(requests.Count, batcher.QueuedCount(Region));
        }
        var outcomes = await Task.WhenAll(attempts.Select(async a => { try { return (Result: await a, Error: (Exception?)null); } catch (Exception e) { return (Result: (RegistrationResult?)null, Error: e); } }));

        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i].FullName.StartsWith("Refusé", StringComparison.Ordinal)) Assert.Contains("refused by the test", outcomes[i].Error?.ToString() ?? "");
            else Assert.Equal(RegistrationOutcome.Registered, outcomes[i].Result?.Outcome);
        }
        var rows = await factory.RegistrationsAsync(Region, view.Id);
        Assert.Equal(32, rows.Count);
        Assert.DoesNotContain(rows, r => r.FullName.StartsWith("Refusé", StringComparison.Ordinal));
        var kept = requests.Where(r => !r.FullName.StartsWith("Refusé", StringComparison.Ordinal)).Select(r => r.Email.ToUpperInvariant()).Order();
        Assert.Equal(kept, rows.Select(r => r.NormalizedEmail).Order());
        // Recorded one after the other in the shared transaction: the first ten have the seats, the rest wait in that order.
        Assert.All(rows.Take(10), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        Assert.All(rows.Skip(10), r => Assert.Equal(RegistrationStatus.Waitlisted, r.Status));
        // The refused ones' seats were given back with the rest of their writes.
        var seats = await factory.SeatsTakenAsync(Region, view.Id);
        Assert.Equal(10, seats[""]);
        Assert.Equal(5, seats["atelier-3d"]);
        // Every recorded registration has its mail; the refused ones have none.
        foreach (var (request, outcome) in requests.Zip(outcomes))
            Assert.Equal(outcome.Error is null ? 1 : 0, (await factory.OutboxForAsync(request.Email)).Count);
    }
}
