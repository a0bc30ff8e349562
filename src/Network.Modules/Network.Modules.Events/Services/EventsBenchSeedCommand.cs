using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Hosting;
using Network.Core.Tenancy;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>
/// <c>events-bench seed --tenant &lt;name&gt; [--capacity 500] [--workshops 5] [--workshop-capacity 40]</c>: creates and
/// publishes one event whose registration is open, with that many seats and that many workshops one after the other
/// (none overlap, so a registrant may choose any of them), and prints "eventId TAB slug TAB workshop keys (comma
/// separated)", for the registration benchmark (bench/events.sh). Not for real sites.
/// </summary>
public sealed class EventsBenchSeedCommand(TenantCatalog catalog, TenantScopeFactory scopes, TenantActivator activator, EventType type, TimeProvider clock) : ICliCommand
{
    public string Name => "events-bench";

    public string Usage => "events-bench seed --tenant <nom> [--capacity 500] [--workshops 5] [--workshop-capacity 40]   (banc d'essai) crée un événement ouvert aux inscriptions";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? tenantName = null;
        int capacity = 500, workshops = 5, workshopCapacity = 40;
        var valid = args.Count > 0 && args[0] == "seed" && args.Count % 2 == 1;
        for (var i = 1; valid && i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            valid = args[i] switch
            {
                "--tenant" => (tenantName = value) is not null,
                "--capacity" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out capacity),
                "--workshops" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out workshops),
                "--workshop-capacity" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out workshopCapacity),
                _ => false,
            };
        }
        if (!valid || tenantName is null || capacity is < 1 or > EventType.MaxCapacity || workshops is < 0 or > 20 || workshopCapacity is < 1 or > EventType.MaxCapacity)
        {
            await error.WriteLineAsync("Usage : " + Usage);
            return 2;
        }
        if (catalog.Find(tenantName) is null) await catalog.ReloadAsync(cancellationToken);
        if (catalog.Find(tenantName) is not { State: TenantState.Running } tenant)
        {
            await error.WriteLineAsync($"Le site « {tenantName} » n'existe pas ou n'est pas en service.");
            return 2;
        }
        await activator.EnsureActivatedAsync(tenant);

        var now = clock.GetUtcNow().UtcDateTime;
        // In ten days, 9:00 to 17:00 UTC: the plenary in the morning, then the workshops one after the other.
        var start = now.Date.AddDays(10).AddHours(8);
        var slot = TimeSpan.FromMinutes(420.0 / Math.Max(1, workshops + 1));
        var sessions = new List<EventSession> { new("pleniere", "Plénière", start, start + slot, "Grande salle", "", "", false, null) };
        for (var w = 1; w <= workshops; w++)
            sessions.Add(new($"atelier-{w}", $"Atelier {w}", start + slot * w, start + slot * (w + 1), $"Salle {w}", "", "", true, workshopCapacity));
        var fields = new EventFields
        {
            Kind = EventKinds.StudyDay, Description = "Événement fictif du banc d'essai.", StartUtc = start, EndUtc = start.AddHours(8),
            VenueName = "Salle du banc d'essai", City = "Lille", PostalCode = "59000", Capacity = capacity,
            RegistrationOpensUtc = now.AddDays(-1), RegistrationClosesUtc = start, Sessions = sessions, ContactEmail = "banc@reseau.localhost",
        };
        await using var scope = scopes.CreateScope(tenant);
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var title = "Journée du banc d'essai " + now.ToString("HHmmss", CultureInfo.InvariantCulture);
        var created = await store.CreateAsync(type, new ContentEdit(title, null, "Banc d'essai.", false, fields), ContentActor.System, cancellationToken);
        if (!created.Succeeded)
        {
            await error.WriteLineAsync(string.Join(" ", created.Errors.Select(e => $"{e.Field} : {e.Message}")));
            return 1;
        }
        var published = await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentActor.System, cancellationToken: cancellationToken);
        if (!published.Succeeded)
        {
            await error.WriteLineAsync(string.Join(" ", published.Errors.Select(e => e.Message)));
            return 1;
        }
        await scope.ServiceProvider.GetRequiredService<EventSetups>().GetOrCreateAsync(published.Item!.Id, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{published.Item.Id}\t{published.Item.Slug}\t{string.Join(',', sessions.Where(s => s.IsWorkshop).Select(s => s.Key))}"));
        return 0;
    }
}
