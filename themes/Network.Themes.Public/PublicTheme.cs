namespace Network.Themes.Public;

/// <summary>Marker type naming this theme's assembly for the host.</summary>
public sealed class PublicTheme;
