using Network.Core.Modules;

namespace Network.Modules.Content;

public sealed class ContentModule : NetworkModule
{
    public override string Id => "Content";
    public override string Name => "Contenus";
    public override string Description => "Circuit de publication partagé : brouillon, soumission, publication, révisions, adresses.";
}
