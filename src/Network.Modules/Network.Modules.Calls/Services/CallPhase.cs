using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

public enum CallState
{
    /// <summary>Not published: only coordinators see it.</summary>
    Draft,
    /// <summary>Published, not open yet.</summary>
    Upcoming,
    /// <summary>Between its opening and its deadline: applications may be submitted.</summary>
    Open,
    /// <summary>The deadline has passed; the review has not started.</summary>
    Closed,
    UnderReview,
    ResultsPublished,
}

/// <summary>
/// A call's state, worked out from its publication, its dates (against the server clock) and its round, never stored,
/// so it changes at the deadline to the second without a job.
/// </summary>
public static class CallPhase
{
    public static CallState Of(bool published, CallFields fields, CallRound? round, DateTime nowUtc)
    {
        if (!published) return CallState.Draft;
        if (round?.ResultsPublishedUtc is not null) return CallState.ResultsPublished;
        if (round?.ReviewStartedUtc is not null) return CallState.UnderReview;
        if (nowUtc < fields.OpensUtc) return CallState.Upcoming;
        return nowUtc < fields.ClosesUtc ? CallState.Open : CallState.Closed;
    }

    /// <summary>Whether a submission at <paramref name="nowUtc"/> is in time: from the opening, strictly before the deadline.</summary>
    public static bool AcceptsSubmissions(CallFields fields, DateTime nowUtc) => nowUtc >= fields.OpensUtc && nowUtc < fields.ClosesUtc;

    /// <summary>Reviews and decisions happen once applications can no longer come in.</summary>
    public static bool IsPastDeadline(CallFields fields, DateTime nowUtc) => nowUtc >= fields.ClosesUtc;

    public static string Label(CallState state) => state switch
    {
        CallState.Draft => "Brouillon",
        CallState.Upcoming => "À venir",
        CallState.Open => "Ouvert",
        CallState.Closed => "Clos",
        CallState.UnderReview => "En cours d'instruction",
        CallState.ResultsPublished => "Résultats publiés",
        _ => state.ToString(),
    };
}
