using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>French labels of the review's states and opinions (translated by the pages through T[...]).</summary>
public static class ReviewLabels
{
    public static string Status(ReviewStatus status) => status switch
    {
        ReviewStatus.Assigned => "À commencer",
        ReviewStatus.InProgress => "En cours",
        ReviewStatus.Submitted => "Soumise",
        _ => status.ToString(),
    };

    public static string Opinion(ReviewOpinion opinion) => opinion switch
    {
        ReviewOpinion.Favourable => "Favorable",
        ReviewOpinion.Reserved => "Réservé",
        ReviewOpinion.Unfavourable => "Défavorable",
        _ => "Sans avis",
    };
}
