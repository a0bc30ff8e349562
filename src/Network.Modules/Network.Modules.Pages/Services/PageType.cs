using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Pages.Data;

namespace Network.Modules.Pages.Services;

/// <summary>The "page" content type: addresses nest under the parent page; role pages have their role as address.</summary>
public sealed class PageType : ContentType<PageFields>
{
    public const string TypeName = "page";

    public override string Name => TypeName;
    public override string ModuleId => PagesModule.ModuleId;
    public override string DisplayName => "Page";
    public override string PluralName => "Pages";

    /// <summary>Pages sit directly under the tenant root: <see cref="ContentTypeDefinition.PublicUrl"/> gives "/a-propos/equipe".</summary>
    public override string PublicPath => "";
    public override string AdminPath => "/admin/pages";
    public override int Order => 90;
    public override bool IsHierarchical => true;
    public override bool IsShareable => false;

    public override int? ParentIdOf(object fields) => ((PageFields)fields).ParentId;

    public override string? FixedSlugOf(object fields) => ((PageFields)fields).Role is { Length: > 0 } role ? role : null;

    /// <summary>
    /// Role pages (legal pages, contact) must stay reachable at their fixed address: never archived nor deleted, and a
    /// published one is never withdrawn; a draft or scheduled one may go back to draft.
    /// </summary>
    public override bool Allows(ContentItem item, ContentAction action)
        => !PageRoles.IsKnown(Read(item).Role) || action switch
        {
            ContentAction.Archive or ContentAction.Delete => false,
            ContentAction.Withdraw => item.Status != ContentStatus.Published,
            _ => true,
        };
}
