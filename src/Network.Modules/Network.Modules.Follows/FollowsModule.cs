using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.Privacy;
using Network.Modules.Content.Feed;
using Network.Modules.Follows.Components;
using Network.Modules.Follows.Data;
using Network.Modules.Follows.Services;

namespace Network.Modules.Follows;

/// <summary>
/// Members follow a region, a cultural domain, a technology, an organisation or a call, and choose per follow an
/// immediate mail, the weekly digest or nothing; the preferences page <c>/compte/notifications</c>; unsubscribe links
/// that work without signing in. Everything is in the host database: accounts are network-wide.
/// </summary>
public sealed class FollowsModule : NetworkModule
{
    public const string ModuleId = "Follows";

    public override string Id => ModuleId;
    public override string Name => "Abonnements";
    public override string Description => "Suivre une région, un domaine, une technologie, une structure ou un appel : courriel immédiat ou résumé hebdomadaire.";
    public override IReadOnlyList<string> Dependencies => ["Content", "Accounts", "Mail"];
    public override IReadOnlyList<Type> HostDbContexts => [typeof(FollowsDbContext)];

    public override IReadOnlyList<HomeBlockType> HomeBlocks =>
    [
        new(FollowRegionViewComponent.BlockTypeId, "Suivre la région", "Un lien pour suivre l'actualité de la région par courriel (immédiat ou résumé hebdomadaire).",
            typeof(FollowRegionViewComponent), HomeBlockSettings.Title, HomeBlockScope.RegionsOnly, DefaultOrder: 900),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowsOptions>().Bind(configuration.GetSection(FollowsOptions.Section));
        services.AddHostDbContext<FollowsDbContext>();
        services.AddScoped<FollowDesk>();
        services.AddScoped<FollowTopicResolver>();
        services.AddScoped<FollowLabels>();
        services.AddScoped<DigestCollector>();
        services.AddSingleton<DigestRun>();
        services.AddHostedService<DigestJob>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<IContentChangeConsumer, FollowNotificationConsumer>();
        services.AddSingleton<IPersonalDataSource, FollowsPersonalData>();
        services.AddSingleton<FollowersGenerator>();
        services.AddSingleton<ICliCommand, FollowsBenchSeedCommand>();
    }
}
