using Network.Modules.Content.Data;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Editing;

/// <summary>What every content editor page needs, in one constructor argument (so a type's editor adds only its own).</summary>
public sealed class ContentEditorServices(ContentStore store, ContentActors actors, ContentDbContext db, TimeProvider clock)
{
    public ContentStore Store => store;
    public ContentActors Actors => actors;
    public ContentDbContext Db => db;
    public TimeProvider Clock => clock;
}
