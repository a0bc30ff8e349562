using Network.Modules.Media;

namespace Network.Modules.Showcases.Services;

/// <param name="PathBase">The path base of the tenant that owns the image files.</param>
/// <param name="Decorative">Rendered with alt="" whatever the image's own text (a card repeats its title).</param>
public sealed record ShowcaseImageView(ImageRef Image, string PathBase, string Sizes, bool Lazy, bool Decorative = false);
