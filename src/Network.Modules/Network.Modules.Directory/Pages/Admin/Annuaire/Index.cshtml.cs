using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Content.Editing;
using Network.Modules.Content.Services;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory.Pages.Admin.Annuaire;

/// <summary>The tenant's organisations in the admin, for the coordinators who create and verify them.</summary>
[RequirePermission(DirectoryModule.ManagePermission)]
public sealed class OrganisationAdminListModel(ContentDbContext db, ContentActors actors, OrganisationType type) : ContentAdminListPageModel(db, actors, type);
