using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Tests.Accounts;
using static Network.Tests.Content.ContentTestKit;

namespace Network.Tests.Content;

/// <summary>A clock the tests move forward: the real time plus an offset.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}

/// <summary>The content host with a movable clock (the whole host sees it).</summary>
public sealed class MovableClockFactory : ContentWebFactory
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class ScheduledPublicationTests(MovableClockFactory factory) : IClassFixture<MovableClockFactory>
{
    private const string Region = "hauts-de-france";

    [Fact]
    public async Task A_scheduled_item_is_published_when_its_time_comes_then_shared_and_its_author_told()
    {
        var type = factory.Service<TestNoteType>();
        var author = await factory.PersonAsync(Region, "Contributor", "Autrice programmée");
        var coordinator = await factory.PersonAsync(Region, "Coordinator", "Coordination programmée");
        var store = (IServiceProvider sp) => sp.GetRequiredService<ContentStore>();
        var item = (await factory.InTenantAsync(Region, sp => store(sp).CreateAsync(type, Note("Programmé " + Guid.NewGuid()), author.Actor()))).Item!;
        item = (await factory.InTenantAsync(Region, sp => store(sp).PerformAsync(item.Id, item.Version, ContentAction.Submit, author.Actor()))).Item!;
        var at = factory.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        item = (await factory.InTenantAsync(Region, sp => store(sp).PerformAsync(item.Id, item.Version, ContentAction.Schedule, coordinator.Actor(), publishAtUtc: at))).Item!;
        Assert.Equal(ContentStatus.Scheduled, item.Status);

        await factory.DrainAsync(Region);
        Assert.Equal(ContentStatus.Scheduled, (await factory.InTenantAsync(Region, sp => store(sp).FindAsync(item.Id)))!.Status);
        Assert.Null(await factory.HubCopyAsync(Region, item.Id));

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await factory.DrainAsync(Region);
        var published = (await factory.InTenantAsync(Region, sp => store(sp).FindAsync(item.Id)))!;
        Assert.Equal(ContentStatus.Published, published.Status);
        // Published at the chosen time, not at the time the worker noticed.
        Assert.Equal(at, published.PublishedUtc);
        var history = await factory.InTenantAsync(Region, sp => store(sp).HistoryAsync(item.Id));
        Assert.Equal(("publish", "scheduled", ""), (history[0].Action, history[0].Note, history[0].UserId));
        Assert.NotNull(await factory.HubCopyAsync(Region, item.Id));
        Assert.Contains(await factory.OutboxForAsync(author.Email), m => m.Subject.Contains("est publié"));
    }
}
