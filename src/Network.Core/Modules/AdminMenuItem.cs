namespace Network.Core.Modules;

/// <summary>An admin menu entry. <paramref name="Path"/> is relative to the tenant root ("/admin/tenants").</summary>
/// <param name="HubOnly">Shown only in the hub tenant (network-wide administration).</param>
public sealed record AdminMenuItem(string Label, string Path, string? Permission, int Order = 100, bool HubOnly = false);

/// <summary>A public main-navigation entry, relative to the tenant root.</summary>
public sealed record NavigationItem(string Label, string Path, int Order = 100);
