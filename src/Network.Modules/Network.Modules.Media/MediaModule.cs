using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.Security;
using Network.Modules.Media.Data;
using Network.Modules.Media.Imaging;
using Network.Modules.Media.Services;
using Network.Modules.Media.Validation;

namespace Network.Modules.Media;

/// <summary>Images and documents of each tenant: upload with validation, libvips variants, the media library.</summary>
public sealed class MediaModule : NetworkModule
{
    public static readonly Permission UploadMedia = new("UploadMedia", "Déposer des images et des documents dans la médiathèque", NetworkRoles.Contributor, NetworkRoles.Coordinator);
    public static readonly Permission ManageMedia = new("ManageMedia", "Gérer la médiathèque : textes des médias, suppression", NetworkRoles.Coordinator);

    public override string Id => "Media";
    public override string Name => "Médias";
    public override string Description => "Images et documents : dépôt contrôlé, déclinaisons responsives, médiathèque.";
    public override IReadOnlyList<Permission> Permissions => [UploadMedia, ManageMedia];
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Médiathèque", "/admin/medias", UploadMedia.Name, 300)];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(MediaDbContext)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section));
        services.AddTenantDbContext<MediaDbContext>();
        services.AddSingleton<MediaUploadValidator>();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<MediaStorage>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<SampleImageUploader>();
        // A file over the limit must reach the library's check (and its French message), not stop at the form reader.
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = Math.Max(options.MultipartBodyLengthLimit, UploadBodyLimit(configuration)));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => MediaEndpoints.Map(endpoints);

    /// <summary>The request body an upload form may send: four times the file limit, so oversized files get a clear refusal.</summary>
    public static long UploadBodyLimit(IConfiguration configuration)
    {
        var maxFile = configuration.GetValue<long?>($"{MediaOptions.Section}:{nameof(MediaOptions.MaxFileBytes)}") ?? new MediaOptions().MaxFileBytes;
        return Math.Max(maxFile, 1) * 4 + 1024 * 1024;
    }
}
