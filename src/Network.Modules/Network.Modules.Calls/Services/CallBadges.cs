namespace Network.Modules.Calls.Services;

/// <summary>The DSFR badge of a call's state.</summary>
public static class CallBadges
{
    public static string ClassOf(CallState state) => state switch
    {
        CallState.Open => "fr-badge--success",
        CallState.Upcoming => "fr-badge--info",
        CallState.Draft => "fr-badge--new",
        CallState.ResultsPublished => "fr-badge--purple-glycine",
        _ => "",
    };
}
