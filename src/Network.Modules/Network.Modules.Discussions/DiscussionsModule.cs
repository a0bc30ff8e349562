using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.Privacy;
using Network.Core.Recipes;
using Network.Core.Security;
using Network.Modules.Content.Services;
using Network.Modules.Discussions.Components;
using Network.Modules.Discussions.Data;
using Network.Modules.Discussions.Privacy;
using Network.Modules.Discussions.Recipes;
using Network.Modules.Discussions.Services;

namespace Network.Modules.Discussions;

/// <summary>
/// Comments under the published items of the content types that opt in (<see cref="ContentTypeDefinition.Discussion"/>),
/// replies one level deep, "useful" marks, reports, pre- or post-moderation per tenant and the moderators' queue.
/// </summary>
public sealed class DiscussionsModule : NetworkModule
{
    public const string ModuleId = "Discussions";

    public static readonly Permission ModerateComments = new("ModerateComments", "Modérer les commentaires", NetworkRoles.Coordinator);

    public override string Id => ModuleId;
    public override string Name => "Discussions";
    public override string Description => "Commentaires des membres sous les projets et les retours d'expérience, réponses, « utile », signalements et modération.";
    public override IReadOnlyList<string> Dependencies => ["Content", "Accounts", "Mail"];
    public override IReadOnlyList<Permission> Permissions => [ModerateComments];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(DiscussionsDbContext)];
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Commentaires", "/admin/commentaires", ModerateComments.Name, 32)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<DiscussionsDbContext>();
        services.AddOptions<DiscussionsOptions>().Bind(configuration.GetSection(DiscussionsOptions.Section));
        services.AddScoped<DiscussionSettingsStore>();
        services.AddScoped<CommentNotifier>();
        services.AddScoped<CommentDesk>();
        services.AddScoped<CommentThreads>();
        services.AddScoped<CommentModeration>();
        services.AddSingleton(new ContentDetailSection(ModuleId, typeof(CommentsViewComponent), 100));
        services.AddSingleton<IPersonalDataSource, CommentPersonalData>();
        services.AddSingleton<RecipeStepHandler, CommentsStep>();
    }
}
