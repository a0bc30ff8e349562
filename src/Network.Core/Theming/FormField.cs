namespace Network.Core.Theming;

/// <summary>
/// One DSFR form group (label, hint, rules, control, errors tied to the control by aria-describedby),
/// rendered by the public theme's <c>_Field</c> partial for every module's forms.
/// </summary>
/// <param name="Name">The posted name, also the ModelState key ("Input.Email").</param>
/// <param name="Label">The label, already localized.</param>
public sealed record FormField(string Name, string Label)
{
    private readonly string? _id;

    /// <summary>The control's id; by default derived from <see cref="Name"/> ("Input.Email" → "input-email").</summary>
    public string Id
    {
        get => _id ?? Name.Replace('.', '-').Replace('[', '-').Replace(']', '-').ToLowerInvariant();
        init => _id = value;
    }

    public FormFieldKind Kind { get; init; } = FormFieldKind.Input;

    /// <summary>The input's type ("text", "email", "password"); a password's value is never written back.</summary>
    public string Type { get; init; } = "text";

    public string? Value { get; init; }

    /// <summary>Already localized.</summary>
    public string? Hint { get; init; }

    public string? Autocomplete { get; init; }
    public bool Required { get; init; }
    public int? MaxLength { get; init; }

    /// <summary>Rows of a <see cref="FormFieldKind.TextArea"/>.</summary>
    public int Rows { get; init; } = 3;

    /// <summary>Language of the value when it differs from the page's ("en" for an English version).</summary>
    public string? Lang { get; init; }

    /// <summary>Rules the value must follow, listed under the field before any error (password rules); already localized.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>For <see cref="FormFieldKind.Select"/>: (value, localized label).</summary>
    public IReadOnlyList<(string Value, string Label)> Options { get; init; } = [];

    /// <summary>The error to show, already localized; when null, the errors ModelState holds for <see cref="Name"/>.</summary>
    public string? Error { get; init; }
}

public enum FormFieldKind { Input, TextArea, Select }
