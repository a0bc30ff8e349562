using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Content.Editing;
using Network.Modules.Content.Services;
using Network.Modules.Showcases.Services;

namespace Network.Modules.Showcases.Pages.Admin.Projets;

/// <summary>The tenant's showcases in the admin: all of them for moderators, their own for contributors.</summary>
[RequirePermission("ContributeContent")]
public sealed class ShowcaseAdminListModel(ContentDbContext db, ContentActors actors, ShowcaseType type) : ContentAdminListPageModel(db, actors, type);
