using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.Recipes;
using Network.Core.Security;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Recipes;
using Network.Modules.Accounts.Services;

namespace Network.Modules.Accounts;

/// <summary>One account for the whole network; roles granted per tenant.</summary>
public sealed class AccountsModule : NetworkModule
{
    public static readonly Permission ManageRoles = new("ManageRoles", "Attribuer les rôles du site", NetworkRoles.Coordinator);

    public const string ModuleId = "Accounts";

    public override string Id => ModuleId;
    public override string Name => "Comptes et rôles";
    public override string Description => "Inscription, connexion, mot de passe oublié ; rôles attribués par site.";
    public override IReadOnlyList<string> Dependencies => ["Mail"];
    public override IReadOnlyList<Permission> Permissions => [ManageRoles];
    public override IReadOnlyList<AdminMenuItem> AdminMenu =>
    [
        new("Rôles et accès", "/admin/roles", ManageRoles.Name, 800),
        // Network administrators only (no permission = Administrator), on the hub.
        new("Comptes du réseau", "/admin/comptes", null, 20, HubOnly: true),
    ];
    public override IReadOnlyList<Type> HostDbContexts => [typeof(AccountsDbContext)];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(TenantRolesDbContext)];

    public override IReadOnlyList<RecipeStepHandler> RecipeSteps => [];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostDbContext<AccountsDbContext>();
        services.AddTenantDbContext<TenantRolesDbContext>();
        services.AddSingleton<RecipeStepHandler, RolesStep>();
        services.AddScoped<ITenantPermissionStore, TenantPermissionStore>();
        services.AddScoped<AccountMailer>();
        services.AddScoped<TenantMembers>();
        services.AddSingleton<MemberCounts>();
        services.AddScoped<IKeyFigureSource, AccountKeyFigures>();
        services.AddSingleton<IStartupTask, NetworkAdministratorSetupTask>();
        services.AddOptions<AccountsOptions>().Bind(configuration.GetSection(AccountsOptions.Section));
        services.Configure<RateLimiterOptions>(AccountRateLimiting.AddPolicies);
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<IOptions<AccountsOptions>>((tokens, accounts) => tokens.TokenLifespan = accounts.Value.TokenLifespan);

        services.AddIdentity<NetworkUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, validated as such: no narrower character list.
                options.User.AllowedUserNameCharacters = "";
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        // A locked account or a revoked network administrator loses open sessions within minutes.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".Network.Account";
            // One sign-in for every tenant of the host: the cookie is not scoped to a prefix.
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/compte/connexion";
            options.LogoutPath = "/compte/deconnexion";
            options.AccessDeniedPath = "/erreur/403";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
    }
}
