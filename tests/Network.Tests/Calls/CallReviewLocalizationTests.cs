using System.Globalization;
using System.Text.RegularExpressions;
using Network.Core.Localization;
using Network.Tests.Infrastructure;

namespace Network.Tests.Calls;

/// <summary>Every French string of the review pages, and every message the review services give them, has its English.</summary>
public sealed partial class CallReviewLocalizationTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public void Every_string_of_the_review_pages_and_services_is_translated()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Network.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var module = Path.Combine(root.FullName, "src", "Network.Modules", "Network.Modules.Calls");
        var views = Directory.EnumerateFiles(Path.Combine(module, "Pages", "Admin", "Evaluations"), "*.cs*")
            .Concat(Directory.EnumerateFiles(Path.Combine(module, "Pages", "Admin", "Appels"), "*.cs*")
                .Where(f => Path.GetFileName(f).StartsWith("Evaluation", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Classement", StringComparison.Ordinal)));
        var services = new[] { "ReviewAdministration.cs", "ReviewerDesk.cs", "ReviewScores.cs", "ReviewLabels.cs", "CallPhase.cs" }.Select(f => Path.Combine(module, "Services", f));
        var keys = views.SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (f, m.Groups[1].Value)))
            .Concat(services.SelectMany(f => ServiceMessage().Matches(File.ReadAllText(f)).Select(m => (f, m.Groups[1].Value))));
        var catalog = factory.Service<LocalizationCatalog>();
        var english = CultureInfo.GetCultureInfo("en");
        var missing = keys.Where(k => catalog.Translate(k.Item2, english) is null).Select(k => $"{Path.GetFileName(k.f)}: {k.Item2}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex(@"T\[""((?:[^""\\]|\\.)+)""")]
    private static partial Regex LocalizerKey();

    /// <summary>Messages the services hand to the pages (refusals, field errors, labels).</summary>
    [GeneratedRegex(@"(?:Refused\(|errors\[[^\]]*\] = |return \(null, |=> )""([^""{]*[a-zé][^""]*)""")]
    private static partial Regex ServiceMessage();
}
