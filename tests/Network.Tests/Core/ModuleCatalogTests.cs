using Network.Core.Modules;

namespace Network.Tests.Core;

public sealed class ModuleCatalogTests
{
    private sealed class TestModule(string id, params string[] dependencies) : NetworkModule
    {
        public override string Id => id;
        public override string Name => id;
        public override string Description => id;
        public override IReadOnlyList<string> Dependencies => dependencies;
        public bool AlwaysOn { get; init; }
        public override bool IsAlwaysEnabled => AlwaysOn;
    }

    private static ModuleCatalog Catalog() => new([
        new TestModule("Calls", "Content", "Mail"),
        new TestModule("Content", "Media"),
        new TestModule("Media"),
        new TestModule("Mail"),
        new TestModule("Settings") { AlwaysOn = true },
    ]);

    [Fact]
    public void Modules_are_ordered_dependencies_first()
    {
        var order = Catalog().Modules.Select(m => m.Id).ToList();
        Assert.True(order.IndexOf("Media") < order.IndexOf("Content"));
        Assert.True(order.IndexOf("Content") < order.IndexOf("Calls"));
        Assert.True(order.IndexOf("Mail") < order.IndexOf("Calls"));
    }

    [Fact]
    public void Enabling_a_module_brings_what_it_needs_and_the_always_enabled_ones()
    {
        var features = Catalog().WithDependencies(["calls"]);
        Assert.Equal(["Media", "Content", "Mail", "Calls", "Settings"], features.OrderBy(f => Catalog().Modules.ToList().FindIndex(m => m.Id == f)));
    }

    [Fact]
    public void Dependants_are_found_transitively_among_enabled_modules()
    {
        var dependants = Catalog().DependantsOf("Media", ["Media", "Content", "Calls", "Mail"]).Select(m => m.Id);
        Assert.Equal(["Content", "Calls"], dependants);
        Assert.Empty(Catalog().DependantsOf("Media", ["Media", "Mail"]));
    }

    [Fact]
    public void Unknown_modules_and_cycles_are_refused()
    {
        Assert.Throws<UnknownModuleException>(() => Catalog().WithDependencies(["Nope"]));
        Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new TestModule("A", "B"), new TestModule("B", "A")]));
        Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new TestModule("A", "Missing")]));
        Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new TestModule("A"), new TestModule("a")]));
    }
}
