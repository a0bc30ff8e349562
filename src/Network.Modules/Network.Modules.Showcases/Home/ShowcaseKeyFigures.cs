using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Showcases.Data;
using Network.Modules.Showcases.Services;

namespace Network.Modules.Showcases.Home;

/// <summary>
/// Key figures of the showcases: published projects and the sum of their granted amounts, from the cached list
/// (no query once warm). On the hub: the projects the regions share.
/// </summary>
public sealed class ShowcaseKeyFigures(ContentDbContext db, ContentListCache cache, ShowcaseType type) : IKeyFigureSource
{
    public string ModuleId => type.ModuleId;

    public async Task<IReadOnlyList<KeyFigure>> GetAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        var snapshot = await cache.GetAsync(db, tenant.Name, type, cancellationToken);
        var projects = snapshot.Items.Where(c => (c.Item.OriginTenant is not null) == tenant.IsHub).ToList();
        var granted = projects.Sum(c => c.FieldsAs<ShowcaseFields>().AmountGranted ?? 0m);
        return
        [
            new("showcases-count", "Projets soutenus", projects.Count, KeyFigureUnit.Count, 10),
            new("showcases-granted", "Montant des aides accordées", granted, KeyFigureUnit.Euros, 20),
        ];
    }
}
