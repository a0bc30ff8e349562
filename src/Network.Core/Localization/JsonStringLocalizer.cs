using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Network.Core.Localization;

/// <summary>
/// UI strings are written in French in the code (the site's first language) and translated through
/// <c>Localization/&lt;culture&gt;.json</c> files embedded in each module and theme: { "French": "English" }.
/// A missing translation falls back to the French text.
/// </summary>
public sealed class LocalizationCatalog
{
    public const string DefaultCulture = "fr";
    public static readonly IReadOnlyList<string> SupportedCultures = ["fr", "en"];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    public LocalizationCatalog(IEnumerable<Assembly> assemblies)
    {
        var merged = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Localization.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
            {
                var culture = resource[..^".json".Length].Split('.')[^1];
                using var stream = assembly.GetManifestResourceStream(resource)!;
                var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                    ?? throw new InvalidOperationException($"Empty localization file {resource}.");
                var target = merged.TryGetValue(culture, out var existing) ? existing : merged[culture] = new(StringComparer.Ordinal);
                foreach (var (key, value) in entries) target[key] = value;
            }
        }
        _byCulture = merged.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
    }

    public string? Translate(string text, CultureInfo culture)
    {
        if (culture.TwoLetterISOLanguageName == DefaultCulture) return null;
        return _byCulture.TryGetValue(culture.TwoLetterISOLanguageName, out var table) && table.TryGetValue(text, out var translated) ? translated : null;
    }

    public IEnumerable<string> Keys(string culture) => _byCulture.TryGetValue(culture, out var table) ? table.Keys : [];
}

public sealed class JsonStringLocalizer(LocalizationCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var translated = catalog.Translate(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, translated ?? name, resourceNotFound: translated is null && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != LocalizationCatalog.DefaultCulture);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
        => catalog.Keys(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Select(k => this[k]);
}

public sealed class JsonStringLocalizerFactory(LocalizationCatalog catalog) : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(catalog);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
