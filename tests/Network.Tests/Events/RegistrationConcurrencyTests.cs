using System.Net;
using Network.Modules.Events.Data;
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
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
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
    }
}
