using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Content.Editing;
using Network.Modules.Content.Services;
using Network.Modules.Practices.Services;

namespace Network.Modules.Practices.Pages.Admin.Pratiques;

/// <summary>The tenant's practices in the admin: all of them for moderators, their own for contributors.</summary>
[RequirePermission("ContributeContent")]
public sealed class PracticeAdminListModel(ContentDbContext db, ContentActors actors, PracticeType type) : ContentAdminListPageModel(db, actors, type);
