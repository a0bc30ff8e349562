using System.Text.Json;

namespace Network.Tests.Hosting;

/// <summary>
/// The runtime settings of src/Network.Web/RuntimeSettings.props reach the site's runtime configuration, and the search
/// benchmark runs under the same ones (its memory and latency figures are the site's only if they match).
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Theory]
    [InlineData("Network.Web.runtimeconfig.json")]
    [InlineData("SearchBench.runtimeconfig.json")]
    public void Workstation_non_concurrent_collector_with_a_capped_gen0_budget(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)));
        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        // 128 MB uncapped: that much stays committed between collections (a search rebuild peaked at 320 MB, 255 capped).
        Assert.Equal(32L << 20, properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64());
    }

    [Theory]
    [InlineData("Network.Web.runtimeconfig.json")]
    [InlineData("SearchBench.runtimeconfig.json")]
    public void Tiered_compilation_without_its_instrumented_tier(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)));
        Assert.False(document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
