using System.Globalization;
using System.Reflection;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Network.Core.Data;
using Network.Core.Localization;
using Network.Core.Modules;
using Network.Core.Recipes;
using Network.Core.Security;
using Network.Core.Tenancy;

namespace Network.Core.Hosting;

/// <summary>Composes the host from an explicit list of modules and themes.</summary>
public static class NetworkHost
{
    public const string CultureCookie = ".Network.Culture";

    public static WebApplicationBuilder AddNetwork(this WebApplicationBuilder builder, IReadOnlyList<NetworkModule> moduleList, IReadOnlyList<Assembly> themes)
    {
        AddRootAppSettings(builder.Configuration);
        var services = builder.Services;
        var modules = new ModuleCatalog(moduleList);
        services.AddSingleton(modules);
        services.AddOptions<NetworkOptions>().Bind(builder.Configuration.GetSection(NetworkOptions.Section))
            .PostConfigure(o =>
            {
                o.DataPath = NetworkPaths.Resolve(o.DataPath);
                o.PublicBaseUrl = o.PublicBaseUrl.TrimEnd('/');
            });

        // Tenancy and data
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDatabaseProvider, SqliteDatabaseProvider>();
        services.AddScoped<TenantContext>();
        services.AddScoped<DatabaseSession>();
        services.AddHostDbContext<TenantsDbContext>();
        services.AddSingleton<TenantGenerations>();
        services.AddSingleton<TenantCatalog>();
        services.AddHttpContextAccessor().AddSingleton<TenantUrls>();
        services.AddSingleton<TenantScopeFactory>();
        services.AddSingleton<TenantActivator>();
        services.AddSingleton<RegionScopes>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<TenantManager>();
        services.AddSingleton<RecipeReader>();
        services.AddSingleton<RecipeStepHandler, FeatureStep>();
        services.AddSingleton<RecipeStepHandler, SettingsStep>();
        services.AddScoped<IAdminMenu, AdminMenu>();
        // The default main menu; the Menus module registers its own after this one, which then wins.
        services.AddSingleton<Navigation.ModuleMainMenuSource>();
        services.AddSingleton<Navigation.IMainMenuSource>(sp => sp.GetRequiredService<Navigation.ModuleMainMenuSource>());
        services.AddSingleton<ICliCommand, SchemaScriptCommand>();
        services.AddSingleton<NetworkStartup>();
        services.AddSingleton<RequestLoad>();
        services.AddHostedService<NetworkStartupService>();

        // Localization: French first, English available, strings in French in the code.
        var localizedAssemblies = new[] { typeof(NetworkHost).Assembly, Assembly.GetEntryAssembly()! }
            .Concat(moduleList.Select(m => m.GetType().Assembly)).Concat(themes).Where(a => a is not null).Distinct().ToList();
        var localization = new LocalizationCatalog(localizedAssemblies);
        services.AddSingleton(localization);
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<IStringLocalizerFactory>().Create(typeof(NetworkHost)));
        services.TryAddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = LocalizationCatalog.SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(LocalizationCatalog.DefaultCulture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CultureCookie },
                new TenantDefaultCultureProvider(),
            ];
        });

        // Web: Razor Pages from the modules and themes, nothing discovered implicitly.
        var mvc = services.AddRazorPages(options => options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()))
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(NetworkHost)))
            .AddMvcOptions(options => FrenchModelBindingMessages.Apply(options.ModelBindingMessageProvider, localization));
        mvc.ConfigureApplicationPartManager(parts =>
        {
            parts.ApplicationParts.Clear();
            foreach (var assembly in localizedAssemblies.Where(a => a != typeof(NetworkHost).Assembly))
            {
                // The factory yields the compiled Razor views as well as the types.
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    parts.ApplicationParts.Add(part);
            }
        });
        // French text stays readable in the HTML instead of numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".Network.Antiforgery";
            options.Cookie.Path = "/";
            options.FormFieldName = "__RequestVerificationToken";
        });
        // The key ring lives in the data folder: one folder is the whole state of a site.
        var dataPath = NetworkPaths.Resolve(builder.Configuration[$"{NetworkOptions.Section}:DataPath"] ?? "App_Data");
        services.AddDataProtection().SetApplicationName("Reseau").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys")));
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });
        services.AddProblemDetails();
        // Policies are the modules' (the API opens its GET endpoints to every origin); none applies elsewhere.
        services.AddCors();

        foreach (var module in modules.Modules)
        {
            module.ConfigureServices(services, builder.Configuration);
            foreach (var step in module.RecipeSteps) services.AddSingleton(step);
        }
        return builder;
    }

    public static WebApplication UseNetwork(this WebApplication app)
    {
        app.UseMiddleware<RequestLoadMiddleware>();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Network:DeveloperExceptionPage", false))
            app.UseDeveloperExceptionPage();
        else
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/erreur/500", AllowStatusCode404Response = true });
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseResponseCompression();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseCors();
        app.UseMiddleware<FeatureGateMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapStaticAssets();
        app.MapRazorPages();
        HostEndpoints.Map(app);
        var modules = app.Services.GetRequiredService<ModuleCatalog>();
        foreach (var module in modules.Modules)
        {
            var group = app.MapGroup("").WithMetadata(new ModuleEndpointMetadata(module.Id));
            module.MapEndpoints(group);
        }
        return app;
    }

    /// <summary>Runs a command of the command line if the arguments name one, else the web site.</summary>
    public static async Task<int> RunNetworkAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            await app.RunAsync();
            return 0;
        }
        return await NetworkCli.RunAsync(app.Services, args);
    }

    /// <summary>The repository-root appsettings.json is copied beside the host; it sits below environment variables and arguments.</summary>
    private static void AddRootAppSettings(ConfigurationManager configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(path)) return;
        var index = configuration.Sources.ToList().FindIndex(s => s is JsonConfigurationSource);
        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        configuration.Sources.Insert(index < 0 ? 0 : index, source);
    }
}

/// <summary>The tenant's default culture when the visitor has not chosen one.</summary>
internal sealed class TenantDefaultCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = httpContext.RequestServices.GetRequiredService<TenantContext>().Tenant?.DefaultCulture;
        return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
    }
}

/// <summary>Runs before the web server listens (and before any CLI command): see <see cref="NetworkStartup"/>.</summary>
internal sealed class NetworkStartupService(NetworkStartup startup) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => startup.RunAsync(cancellationToken);
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Migrates the host database, loads the tenant registry and runs the modules' start-up tasks (first-run administrator and tenants).</summary>
public sealed class NetworkStartup(DatabaseMigrator migrator, TenantCatalog catalog, IServiceProvider services)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateHostAsync(cancellationToken);
        await catalog.ReloadAsync(cancellationToken);
        foreach (var task in services.GetServices<IStartupTask>()) await task.RunAsync(cancellationToken);
    }
}
