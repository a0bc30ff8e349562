namespace Network.Modules.Tenants.Pages;

/// <summary>One DSFR form group (label, hint, errors tied to the field by aria-describedby), rendered by <c>_SiteField</c>.</summary>
/// <param name="Name">The posted name, also the ModelState key ("Input.Name").</param>
/// <param name="Label">The label, already localized.</param>
public sealed record SiteField(string Name, string Label)
{
    public SiteFieldKind Kind { get; init; } = SiteFieldKind.Text;
    public string? Value { get; init; }
    public string? Hint { get; init; }
    public string? Autocomplete { get; init; } = "off";
    public bool Required { get; init; }
    public int? MaxLength { get; init; }
    public int Rows { get; init; } = 3;

    /// <summary>For <see cref="SiteFieldKind.Select"/>: (value, localized label).</summary>
    public IReadOnlyList<(string Value, string Label)> Options { get; init; } = [];

    public string Id => Name.Replace('.', '-').ToLowerInvariant();
}

public enum SiteFieldKind { Text, Email, TextArea, Select }
