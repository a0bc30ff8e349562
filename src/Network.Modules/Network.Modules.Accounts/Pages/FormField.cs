namespace Network.Modules.Accounts.Pages;

/// <summary>One DSFR input group (label, hint, rules shown before typing, errors tied to the field), rendered by <c>_AccountsField</c>.</summary>
/// <param name="Name">The posted name, also the ModelState key ("Input.Email").</param>
/// <param name="Label">The label, already localized.</param>
public sealed record FormField(string Name, string Label)
{
    public string Type { get; init; } = "text";
    public string? Autocomplete { get; init; }
    public string? Hint { get; init; }
    public string? Value { get; init; }
    public bool Required { get; init; } = true;
    public int? MaxLength { get; init; }

    /// <summary>Rules the value must follow, listed under the field before any error (password rules).</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    public string Id => Name.Replace('.', '-').Replace('[', '-').Replace(']', '-').ToLowerInvariant();
}
