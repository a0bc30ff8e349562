using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Content.Editing;
using Network.Modules.Content.Services;
using Network.Modules.News.Services;

namespace Network.Modules.News.Pages.Admin.Actualites;

/// <summary>The tenant's news in the admin: all of them for moderators, their own for contributors.</summary>
[RequirePermission("ContributeContent")]
public sealed class NewsAdminListModel(ContentDbContext db, ContentActors actors, NewsType type) : ContentAdminListPageModel(db, actors, type);
