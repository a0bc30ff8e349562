namespace Network.Modules.Settings.Pages.Shared;

/// <summary>One DSFR input group (label, hint, input or textarea, error tied by aria-describedby) for _SettingsField.</summary>
public sealed record FormField(string Id, string Name, string Label, string? Value, string? Error = null, string? Hint = null,
    string? Autocomplete = null, string Type = "text", int Rows = 0, int? MaxLength = null, bool Required = false, string? Lang = null);
