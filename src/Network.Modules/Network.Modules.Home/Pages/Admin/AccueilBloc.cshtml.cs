using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Home.Services;
using Network.Modules.Media;
using Network.Modules.Media.Data;
using Network.Modules.Media.Services;

namespace Network.Modules.Home.Pages.Admin;

/// <summary>
/// The settings of one block of the draft: only those its type declares (title, Markdown text, image from the media
/// library or a new upload, call to action, number of items). Fields are read as text so that "abc" as a count
/// becomes a French message rather than a silent default.
/// </summary>
[RequirePermission("ManageHome")]
public sealed class HomeBlockEditModel(HomeLayouts layouts, ModuleCatalog modules, TenantContext tenantContext, IServiceProvider services) : PageModel
{
    public const int LibraryChoices = 24;

    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    [BindProperty]
    public BlockInput Input { get; set; } = new();

    public HomeBlockType Type { get; private set; } = null!;
    public string Version { get; private set; } = "";
    public bool HasMedia { get; private set; }
    public IReadOnlyList<MediaItem> Library { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool Offers(HomeBlockSettings setting) => Type.Settings.HasFlag(setting);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var block = await LoadAsync(cancellationToken);
        if (block is null) return NotFound();
        Input = new BlockInput
        {
            Version = Version,
            Title = block.Title,
            Text = block.Text,
            LinkLabel = block.LinkLabel,
            LinkUrl = block.LinkUrl,
            Count = block.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ImageId = block.ImageId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var block = await LoadAsync(cancellationToken);
        if (block is null) return NotFound();

        int? count = null;
        if (!string.IsNullOrWhiteSpace(Input.Count))
        {
            if (int.TryParse(Input.Count.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) count = n;
            else Errors["Count"] = $"le nombre d'éléments est un nombre entier de {HomeLayoutRules.MinCount} à {HomeLayoutRules.MaxCount}";
        }
        int? imageId = null;
        if (!string.IsNullOrWhiteSpace(Input.ImageId))
        {
            if (int.TryParse(Input.ImageId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) imageId = id;
            else Errors["ImageId"] = "cette image n'est pas dans la médiathèque du site";
        }
        var settings = new HomeBlock
        {
            Type = block.Type,
            Key = Key,
            Title = Offers(HomeBlockSettings.Title) ? Input.Title : null,
            Text = Offers(HomeBlockSettings.Text) ? Input.Text : null,
            LinkLabel = Offers(HomeBlockSettings.Link) ? Input.LinkLabel : null,
            LinkUrl = Offers(HomeBlockSettings.Link) ? Input.LinkUrl : null,
            Count = Offers(HomeBlockSettings.Count) ? count : null,
            ImageId = Offers(HomeBlockSettings.Image) ? imageId : null,
        };
        // Everything else is checked before an upload, so a refused form leaves nothing in the library.
        var upload = Offers(HomeBlockSettings.Image) && HasMedia ? Input.NewImage : null;
        if (upload is { Length: > 0 } && Errors.Count == 0)
        {
            foreach (var (field, message) in HomeLayoutRules.ValidateSettings(settings with { ImageId = null }, Type)) Errors.TryAdd(field, message);
            if (Errors.Count == 0)
            {
                var by = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";
                var uploaded = await services.GetRequiredService<MediaLibrary>().UploadAsync(upload, Input.NewImageAlt, Input.NewImageDecorative, null, by, cancellationToken);
                if (!uploaded.Succeeded)
                {
                    foreach (var error in uploaded.Errors) Errors.TryAdd(error.Field == "File" ? "NewImage" : "NewImageAlt", error.Message.ToString());
                }
                else settings = settings with { ImageId = uploaded.Item!.Id };
            }
        }
        if (Errors.Count == 0)
        {
            var result = await layouts.UpdateAsync(Input.Version, settings, User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "", cancellationToken);
            foreach (var (field, message) in result.Errors) Errors.TryAdd(field, message);
        }
        if (Errors.Count > 0)
        {
            Input.Version = Version;
            return Page();
        }
        return Redirect((Request.PathBase.Value ?? "") + "/admin/accueil?fait=modifie");
    }

    private async Task<HomeBlock?> LoadAsync(CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        var state = await layouts.GetAsync(cancellationToken);
        var block = state.Draft.FirstOrDefault(b => b.Key == Key);
        var type = block is null ? null : modules.HomeBlockTypes(tenant).FirstOrDefault(t => t.Id == block.Type);
        if (block is null || type is null) return null;
        Type = type;
        Version = state.Version;
        HasMedia = modules.IsEnabled(tenant, "Media");
        if (HasMedia && Offers(HomeBlockSettings.Image))
            Library = (await services.GetRequiredService<MediaLibrary>().ListAsync(0, LibraryChoices, MediaKind.Image, cancellationToken)).Items;
        return block;
    }

    /// <summary>The thumbnail beside a choice is decorative: the label already names the image.</summary>
    public static ImageRef Thumbnail(MediaItem item) => MediaLibrary.ToImageRef(item, "", decorative: true);
}

public sealed class BlockInput
{
    public string? Version { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? LinkLabel { get; set; }
    public string? LinkUrl { get; set; }
    public string? Count { get; set; }

    /// <summary>A media library id, or empty for no image.</summary>
    public string? ImageId { get; set; }

    public IFormFile? NewImage { get; set; }
    public string? NewImageAlt { get; set; }
    public bool NewImageDecorative { get; set; }
}
