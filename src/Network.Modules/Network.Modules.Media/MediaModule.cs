using Network.Core.Modules;

namespace Network.Modules.Media;

/// <summary>Images and documents of each tenant: upload with validation, libvips variants, the media library.</summary>
public sealed class MediaModule : NetworkModule
{
    public override string Id => "Media";
    public override string Name => "Médias";
    public override string Description => "Images et documents : dépôt contrôlé, déclinaisons responsives, médiathèque.";
}
