using System.Globalization;
using System.Text.RegularExpressions;
using Network.Core.Localization;
using Network.Tests.Infrastructure;

namespace Network.Tests.Theme;

/// <summary>Every French string of the theme and Settings views has an English translation.</summary>
public sealed partial class ThemeLocalizationTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public void Every_view_string_of_the_themes_and_the_Settings_module_is_translated()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Network.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var views = new[] { "themes", Path.Combine("src", "Network.Modules", "Network.Modules.Settings") }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root.FullName, folder), "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var catalog = factory.Service<LocalizationCatalog>();
        var english = CultureInfo.GetCultureInfo("en");
        var missing = views.SelectMany(file => LocalizerKey().Matches(File.ReadAllText(file)).Select(m => (file, key: m.Groups[1].Value)))
            .Where(x => catalog.Translate(x.key, english) is null)
            .Select(x => $"{Path.GetFileName(x.file)}: {x.key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex(@"T\[""((?:[^""\\]|\\.)+)""")]
    private static partial Regex LocalizerKey();
}
