namespace Network.Themes.Admin;

/// <summary>Marker type naming this theme's assembly for the host.</summary>
public sealed class AdminTheme;
