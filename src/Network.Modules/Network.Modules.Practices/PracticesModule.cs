using Network.Core.Modules;

namespace Network.Modules.Practices;

public sealed class PracticesModule : NetworkModule
{
    public override string Id => "Practices";
    public override string Name => "Retours d'expérience";
    public override string Description => "Retours d'expérience structurés des professionnels.";
}
