using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Follows.Data;
using Network.Modules.Showcases.Data;

namespace Network.Modules.Follows.Services;

/// <summary>
/// The topics an item of a tenant belongs to, as <see cref="FollowTopic.Code"/>s: its region, its domains and
/// technologies (facets), the organisations a showcase names, a call itself. A region's item shared with the network
/// belongs to the same topics on the hub too, since the hub's lists show it (as a copy).
/// </summary>
public static class ItemTopics
{
    public const string DomainFacet = "domain";
    public const string TechnologyFacet = "technology";

    public static IReadOnlyList<string> Of(string tenant, string? hub, ContentItem item, ILookup<string, string> facets, object? fields)
    {
        var keys = new List<(string Kind, string Key)> { (FollowKinds.Region, "") };
        keys.AddRange(facets[DomainFacet].Select(v => (FollowKinds.Domain, v)));
        keys.AddRange(facets[TechnologyFacet].Select(v => (FollowKinds.Technology, v)));
        if (item.ContentType == "call") keys.Add((FollowKinds.Call, item.Slug));
        if (fields is ShowcaseFields showcase)
            keys.AddRange(FollowTopicResolver.OrganisationNames(showcase).Select(n => (FollowKinds.Organisation, Slugs.FromTitle(n))));
        var tenants = hub is not null && hub != tenant && item.SharedWithNetwork ? new[] { tenant, hub } : [tenant];
        return tenants.SelectMany(t => keys.Select(k => new FollowTopic(k.Kind, t, k.Key).Code)).Distinct(StringComparer.Ordinal).ToList();
    }
}
