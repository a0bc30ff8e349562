namespace Network.Modules.Media;

/// <summary>
/// An image as a content item stores it: enough to render a responsive &lt;picture&gt; without reading the
/// media library (fast lists, and images of a region's items shown on the hub). Media files are immutable
/// (their URL holds their content hash), so this copy never goes stale.
/// </summary>
/// <param name="MediaId">The media library entry in the tenant that owns the image.</param>
/// <param name="Key">The content-hash key of the file: its folder and URL segment.</param>
/// <param name="Width">Width of the original after orientation (pixels).</param>
/// <param name="Height">Height of the original after orientation (pixels).</param>
/// <param name="Fallback">Extension of the non-WebP variants: "jpg" or "png".</param>
/// <param name="Alt">Alternative text in this context; empty when <paramref name="Decorative"/>.</param>
/// <param name="Decorative">The image adds nothing to the text: rendered with alt="".</param>
/// <param name="Credit">Credit and licence shown with the image ("© Musée X, CC BY 4.0").</param>
public sealed record ImageRef(int MediaId, string Key, int Width, int Height, string Fallback, string Alt, bool Decorative, string? Credit)
{
    /// <summary>
    /// The widths generated for this image, ascending (set by <see cref="Services.MediaLibrary.ToImageRef"/>). When absent,
    /// they are derived from <see cref="Width"/> and the configured widths, by the same rule the pipeline uses.
    /// </summary>
    public IReadOnlyList<int>? Widths { get; init; }
}

/// <summary>A place where a media file is used, listed when someone tries to delete it.</summary>
public sealed record MediaUsage(string Title, string Url);

/// <summary>Implemented by modules that reference media (content items...): the library refuses to delete used files.</summary>
public interface IMediaUsageProvider
{
    Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(int mediaId, CancellationToken cancellationToken = default);
}
