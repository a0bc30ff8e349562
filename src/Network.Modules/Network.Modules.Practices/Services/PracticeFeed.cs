using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Syndication;
using Network.Modules.Practices.Data;

namespace Network.Modules.Practices.Services;

/// <summary>The practice reports' feeds (<c>/pratiques/rss.xml</c>, <c>/pratiques/atom.xml</c>, optionally by <c>?mot-cle=</c>): context and approach, the author, the tags.</summary>
public sealed class PracticeFeed(PracticeType type) : ContentFeedDefinition<PracticeFields>(type)
{
    public override ContentFilter? Filter => PracticeType.Filters.Tag;

    public override string Description(TenantInfo tenant) => tenant.IsHub
        ? "Les retours d'expérience partagés par les régions du réseau."
        : $"Les derniers retours d'expérience publiés par {tenant.DisplayName}.";

    protected override ContentFeedParts PartsOf(ContentItem item, PracticeFields fields, TenantInfo owner)
    {
        var author = string.Join(", ", new[] { fields.AuthorName.Trim(), fields.Organisation.Trim() }.Where(p => p.Length > 0));
        var text = string.Join("\n\n", new[] { fields.Context, fields.Approach }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return new(author.Length > 0 ? author : item.AuthorName, text, fields.Tags.Select(t => (PracticeType.TagValue(t), t)).ToList());
    }
}
