using Network.Modules.Media;
using Network.Modules.Showcases.Pages.Admin.Projets;

namespace Network.Modules.Showcases.Services;

/// <summary>The result of adding an image: the image, or problems keyed by the new-image input ("File", "Alt", "Credit", "MediaNumber").</summary>
public sealed record GalleryImageResult(ImageRef? Image, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>The gallery's access to the current tenant's media library (upload, reuse by number, lookups).</summary>
public sealed class ShowcaseGalleryImages
{
    /// <summary>The tenant's images among <paramref name="mediaIds"/> (another tenant's numbers find nothing).</summary>
    public Task<IReadOnlyList<ImageRef>> FindAsync(IReadOnlyCollection<int> mediaIds, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<ImageRef>>([]);

    public Task<GalleryImageResult> AddAsync(NewImageInput input, string uploadedBy, CancellationToken cancellationToken)
        => Task.FromResult(new GalleryImageResult(null, [("File", "La médiathèque n'est pas encore disponible.")]));
}
