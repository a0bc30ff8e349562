using Network.Modules.Content.Feed;

namespace Network.Modules.Content.Lists;

/// <summary>
/// A facet of a content type as public addresses name it: the stored facet and its query parameter (French, stable).
/// Each type declares its filters once; its list page and its API resource both take them from there, so a link copied
/// from a page works as an API filter.
/// </summary>
public sealed record ContentFilter(string Facet, string Parameter)
{
    /// <summary>The hub's filter on the region a shared item comes from.</summary>
    public static readonly ContentFilter Region = new(HubShareConsumer.RegionFacet, "region");
}
