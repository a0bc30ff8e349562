namespace Network.Modules.Follows.Data;

/// <summary>The kinds of topics a member can follow.</summary>
public static class FollowKinds
{
    /// <summary>Everything published in a tenant (key ""); on the hub, everything the regions share.</summary>
    public const string Region = "region";
    /// <summary>A cultural domain (a value of the tenant's "domains" vocabulary).</summary>
    public const string Domain = "domain";
    /// <summary>A technology (a value of the tenant's "technologies" vocabulary).</summary>
    public const string Technology = "technology";
    /// <summary>
    /// An organisation by its slug. Until the directory exists, an organisation is known by the showcases naming it
    /// (lead organisation or partner); the directory's profiles use the same slug, so follows carry over.
    /// </summary>
    public const string Organisation = "organisation";
    /// <summary>A call for projects, by its slug: its opening and closing soon.</summary>
    public const string Call = "call";

    public static readonly IReadOnlyList<string> All = [Region, Domain, Technology, Organisation, Call];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}

/// <summary>
/// What a follow points at: a kind, the tenant it lives in and a key within them. Keys are only meaningful inside their
/// tenant (vocabularies and slugs are per tenant), so the tenant is part of the topic, and it is always the tenant of
/// the request that created the follow, never a value from the form.
/// </summary>
public sealed record FollowTopic(string Kind, string Tenant, string Key)
{
    public const int MaxKindLength = 20;
    public const int MaxKeyLength = 200;
    public const int MaxCodeLength = MaxKindLength + 63 + MaxKeyLength + 2;

    /// <summary>"domain|hauts-de-france|musees": the one indexed column items are matched on.</summary>
    public string Code => $"{Kind}|{Tenant}|{Key}";
}
