using Microsoft.EntityFrameworkCore;
using Network.Core.Tenancy;
using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Follows.Data;
using Network.Modules.Showcases.Data;
using Network.Modules.Showcases.Services;

namespace Network.Modules.Follows.Services;

/// <summary>How a topic is shown: its label and the tenant page about it (relative to the tenant).</summary>
public sealed record FollowTopicView(string Label, string Path);

/// <summary>
/// Tells whether a topic exists in the current tenant and how to name it: a follow is only created for a topic this
/// tenant knows (a term of its vocabulary, one of its published calls, an organisation its showcases name), so a form
/// naming another tenant's call or a made-up value is refused.
/// </summary>
public sealed class FollowTopicResolver(TenantContext tenantContext, VocabularyService vocabularies, ContentDbContext content, ContentListCache lists, ShowcaseType showcases)
{
    /// <returns>Null when the kind is unknown or the key does not exist in this tenant.</returns>
    public async Task<FollowTopicView?> DescribeAsync(string kind, string key, CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Required;
        if (key.Length > FollowTopic.MaxKeyLength) return null;
        switch (kind)
        {
            case FollowKinds.Region:
                return key.Length == 0 ? new FollowTopicView(tenant.DisplayName, "/") : null;
            case FollowKinds.Domain:
            case FollowKinds.Technology:
                if (!tenant.IsEnabled("Content")) return null;
                var vocabulary = kind == FollowKinds.Domain ? Vocabularies.Domains : Vocabularies.Technologies;
                var labels = await vocabularies.LabelsAsync(vocabulary, cancellationToken);
                return labels.TryGetValue(key, out var label)
                    ? new FollowTopicView(label, $"/projets?{(kind == FollowKinds.Domain ? ShowcaseType.Filters.Domain : ShowcaseType.Filters.Technology).Parameter}={Uri.EscapeDataString(key)}")
                    : null;
            case FollowKinds.Call:
                if (!tenant.IsEnabled("Calls")) return null;
                var call = await content.Items.AsNoTracking()
                    .Where(i => i.ContentType == "call" && i.Slug == key && i.Status == ContentStatus.Published && i.OriginTenant == null)
                    .Select(i => new { i.Title, i.Slug }).FirstOrDefaultAsync(cancellationToken);
                return call is null ? null : new FollowTopicView(call.Title, "/appels/" + Uri.EscapeDataString(call.Slug));
            case FollowKinds.Organisation:
                if (!tenant.IsEnabled(showcases.ModuleId) || key.Length == 0) return null;
                var snapshot = await lists.GetAsync(content, tenant.Name, showcases, cancellationToken);
                var name = snapshot.Items.Where(c => c.Item.OriginTenant is null)
                    .SelectMany(c => OrganisationNames(c.FieldsAs<ShowcaseFields>()))
                    .FirstOrDefault(n => Slugs.FromTitle(n) == key);
                return name is null ? null : new FollowTopicView(name, "/recherche?q=" + Uri.EscapeDataString(name));
            default:
                return null;
        }
    }

    /// <summary>The organisations a showcase names: its lead organisation and its partners.</summary>
    public static IEnumerable<string> OrganisationNames(ShowcaseFields fields)
        => new[] { fields.LeadOrganisation }.Concat(fields.Partners.Select(p => p.Name)).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim());
}
