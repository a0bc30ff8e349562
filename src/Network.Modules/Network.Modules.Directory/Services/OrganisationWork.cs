using System.Runtime.CompilerServices;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Directory.Data;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Modules.Practices.Data;
using Network.Modules.Practices.Services;
using Network.Modules.Showcases.Data;
using Network.Modules.Showcases.Services;

namespace Network.Modules.Directory.Services;

/// <summary>One item of an organisation's work: its title, page and how the organisation took part.</summary>
public sealed record OrganisationWorkItem(string Title, string Url, string Role, DateTime? Date);

/// <summary>What an organisation has done in the tenant, as its page lists it.</summary>
public sealed record OrganisationWorkView(
    IReadOnlyList<OrganisationWorkItem> Showcases, IReadOnlyList<OrganisationWorkItem> FundedProjects,
    IReadOnlyList<OrganisationWorkItem> Practices, IReadOnlyList<OrganisationWorkItem> Events)
{
    public bool IsEmpty => Showcases.Count == 0 && Practices.Count == 0 && Events.Count == 0;
}

/// <summary>
/// Finds an organisation's showcases (as lead or partner), funded projects (its showcases with a programme or a granted
/// amount: what calls funded), practices and events (held at a venue of that name) in the tenant's published items.
/// Showcases, practices and events name organisations as free text typed by their authors, so the link is made by
/// name: the organisation's name and its other names, normalised (<see cref="OrganisationNames"/>), against the names
/// the items give. That keeps the other modules unaware of the directory and needs no migration of existing items;
/// a coordinator fixes a missed link by adding the spelling used to the organisation's other names. Each type's
/// name index is built once per cached snapshot.
/// </summary>
public sealed class OrganisationWork(ContentListCache lists, ContentDbContext db, ContentTypeRegistry types, TenantContext tenantContext)
{
    private sealed record Hit(ContentCard Card, string Role);

    private static readonly ConditionalWeakTable<ContentSnapshot, Dictionary<string, List<Hit>>> Indexes = new();

    public async Task<OrganisationWorkView> FindAsync(string title, OrganisationFields fields, string pathBase, CancellationToken cancellationToken = default)
    {
        var keys = OrganisationNames.KeysOf(title, fields.OtherNames);
        var showcases = await HitsAsync(ShowcaseType.TypeName, keys, ShowcaseNames, cancellationToken);
        var practices = await HitsAsync(PracticeType.TypeName, keys, PracticeNames, cancellationToken);
        var events = await HitsAsync(EventType.TypeName, keys, EventNames, cancellationToken);

        OrganisationWorkItem Item(ContentTypeDefinition type, Hit hit) => new(hit.Card.Item.Title, pathBase + type.PublicUrl(hit.Card.Item.Slug), hit.Role, hit.Card.Item.PublishedUtc);
        var showcaseType = types.Find(ShowcaseType.TypeName);
        var showcaseItems = showcaseType is null ? [] : showcases.Select(h => (Hit: h, Item: Item(showcaseType, h))).ToList();
        return new OrganisationWorkView(
            showcaseItems.Select(s => s.Item).ToList(),
            showcaseItems.Where(s => s.Hit.Card.Fields is ShowcaseFields f && (f.AmountGranted is > 0 || f.Programme.Trim().Length > 0)).Select(s => s.Item).ToList(),
            types.Find(PracticeType.TypeName) is { } practiceType ? practices.Select(h => Item(practiceType, h)).ToList() : [],
            types.Find(EventType.TypeName) is { } eventType ? events.Select(h => Item(eventType, h)).ToList() : []);
    }

    private static IEnumerable<(string Name, string Role)> ShowcaseNames(object fields)
    {
        if (fields is not ShowcaseFields f) yield break;
        yield return (f.LeadOrganisation, "Structure porteuse");
        foreach (var partner in f.Partners) yield return (partner.Name, "Partenaire");
    }

    private static IEnumerable<(string Name, string Role)> PracticeNames(object fields)
    {
        if (fields is PracticeFields f) yield return (f.Organisation, "Auteur de la pratique");
    }

    private static IEnumerable<(string Name, string Role)> EventNames(object fields)
    {
        if (fields is EventFields f) yield return (f.VenueName, "Lieu de l'événement");
    }

    /// <summary>The tenant's own published items of a type naming one of <paramref name="keys"/>, newest first; none where the type's module is off.</summary>
    private async Task<IReadOnlyList<Hit>> HitsAsync(string typeName, HashSet<string> keys, Func<object, IEnumerable<(string Name, string Role)>> names, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        if (types.Find(typeName) is not { } type || !tenant.IsEnabled(type.ModuleId) || keys.Count == 0) return [];
        var snapshot = await lists.GetAsync(db, tenant.Name, type, cancellationToken);
        var index = Indexes.GetValue(snapshot, s =>
        {
            var byName = new Dictionary<string, List<Hit>>(StringComparer.Ordinal);
            foreach (var card in s.Items.Where(c => c.Item.OriginTenant is null))
                foreach (var (name, role) in names(card.Fields))
                {
                    var key = OrganisationNames.Normalise(name);
                    if (key.Length == 0) continue;
                    if (!byName.TryGetValue(key, out var list)) byName[key] = list = [];
                    list.Add(new Hit(card, role));
                }
            return byName;
        });
        return keys.SelectMany(k => index.GetValueOrDefault(k) ?? [])
            .DistinctBy(h => h.Card.Item.Id)
            .OrderByDescending(h => h.Card.Item.PublishedUtc).ThenByDescending(h => h.Card.Item.Id)
            .ToList();
    }
}
