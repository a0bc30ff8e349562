using Network.Modules.Follows.Data;

namespace Network.Modules.Follows.Services;

/// <summary>The delivery choices as forms post them ("immediat", "hebdomadaire", "aucun").</summary>
public static class DeliveryNames
{
    public static FollowDelivery? Parse(string? value) => value switch
    {
        "immediat" => FollowDelivery.Immediate,
        "hebdomadaire" => FollowDelivery.Weekly,
        "aucun" => FollowDelivery.None,
        _ => null,
    };

    public static string KindLabel(string kind) => kind switch
    {
        FollowKinds.Region => "Région",
        FollowKinds.Domain => "Domaine culturel",
        FollowKinds.Technology => "Technologie",
        FollowKinds.Organisation => "Structure",
        FollowKinds.Call => "Appel à projets",
        _ => kind,
    };
}
