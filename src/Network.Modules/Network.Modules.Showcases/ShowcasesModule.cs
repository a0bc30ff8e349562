using Network.Core.Modules;

namespace Network.Modules.Showcases;

public sealed class ShowcasesModule : NetworkModule
{
    public override string Id => "Showcases";
    public override string Name => "Projets";
    public override string Description => "Vitrine des projets d'innovation numérique financés.";
}
