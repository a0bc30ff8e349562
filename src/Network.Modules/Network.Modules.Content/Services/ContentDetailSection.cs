namespace Network.Modules.Content.Services;

/// <summary>
/// A section another module adds at the bottom of content items' public detail pages (comments), without the
/// content type's module knowing it: a view component invoked with the item (<c>new { item }</c>), rendered only
/// where <paramref name="ModuleId"/> is enabled. Register instances as singletons; detail pages render them through
/// the <c>_ContentDetailSections</c> partial.
/// </summary>
public sealed record ContentDetailSection(string ModuleId, Type ViewComponent, int Order = 0);
