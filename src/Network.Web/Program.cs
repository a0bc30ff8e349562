using Network.Core.Hosting;
using Network.Modules.Accounts;
using Network.Modules.Api;
using Network.Modules.Calls;
using Network.Modules.Directory;
using Network.Modules.Events;
using Network.Modules.Content;
using Network.Modules.Discussions;
using Network.Modules.Home;
using Network.Modules.Mail;
using Network.Modules.Media;
using Network.Modules.Menus;
using Network.Modules.News;
using Network.Modules.Follows;
using Network.Modules.OpenData;
using Network.Modules.Pages;
using Network.Modules.Practices;
using Network.Modules.Search;
using Network.Modules.Settings;
using Network.Modules.Showcases;
using Network.Modules.Tenants;

var builder = WebApplication.CreateBuilder(args);
builder.AddNetwork(
    [
        new SettingsModule(), new MailModule(), new AccountsModule(), new TenantsModule(),
        new MediaModule(), new ContentModule(), new ShowcasesModule(), new PracticesModule(), new CallsModule(), new EventsModule(),
        new PagesModule(), new NewsModule(), new MenusModule(), new HomeModule(), new SearchModule(), new OpenDataModule(), new DirectoryModule(), new ApiModule(), new DiscussionsModule(), new FollowsModule(),
    ],
    [typeof(Network.Themes.Public.PublicTheme).Assembly, typeof(Network.Themes.Admin.AdminTheme).Assembly]);

var app = builder.Build();
app.UseNetwork();
return await app.RunNetworkAsync(args);

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
