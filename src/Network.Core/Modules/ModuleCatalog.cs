using System.Reflection;

namespace Network.Core.Modules;

/// <summary>The modules the host was composed with, and the dependency rules between them.</summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, NetworkModule> _byId;
    private readonly Dictionary<Assembly, NetworkModule> _byAssembly;

    public ModuleCatalog(IEnumerable<NetworkModule> modules)
    {
        Modules = modules.ToList();
        _byId = new Dictionary<string, NetworkModule>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in Modules)
        {
            if (!_byId.TryAdd(module.Id, module))
                throw new InvalidOperationException($"Module '{module.Id}' is listed twice.");
        }
        foreach (var module in Modules)
        {
            foreach (var dependency in module.Dependencies)
            {
                if (!_byId.ContainsKey(dependency))
                    throw new InvalidOperationException($"Module '{module.Id}' depends on unknown module '{dependency}'.");
            }
        }
        _byAssembly = Modules.GroupBy(m => m.GetType().Assembly).ToDictionary(g => g.Key, g => g.First());
        Modules = TopologicalOrder(Modules);
        AllNavigation = Modules.SelectMany(m => m.MainNavigation.Select(i => (m, i))).OrderBy(p => p.i.Order).ToList();
    }

    /// <summary>All modules, dependencies before dependants.</summary>
    public IReadOnlyList<NetworkModule> Modules { get; }

    public NetworkModule? Find(string id) => _byId.GetValueOrDefault(id);

    public NetworkModule? FindByAssembly(Assembly assembly) => _byAssembly.GetValueOrDefault(assembly);

    public IEnumerable<NetworkModule> AlwaysEnabled => Modules.Where(m => m.IsAlwaysEnabled);

    /// <summary>The public main navigation of a tenant: entries of its enabled modules. No authorization, no database.</summary>
    public IReadOnlyList<NavigationItem> MainNavigation(Tenancy.TenantInfo tenant)
        => Modules.Where(m => m.IsAlwaysEnabled || tenant.IsEnabled(m.Id))
            .SelectMany(m => m.MainNavigation)
            .OrderBy(i => i.Order).ToList();

    /// <summary>The home block types offered to a tenant: those of its enabled modules that apply to it, in default order. No database.</summary>
    public IReadOnlyList<HomeBlockType> HomeBlockTypes(Tenancy.TenantInfo tenant)
        => Modules.Where(m => m.IsAlwaysEnabled || tenant.IsEnabled(m.Id))
            .SelectMany(m => m.HomeBlocks)
            .Where(b => b.AppliesTo(tenant))
            .OrderBy(b => b.DefaultOrder).ToList();

    /// <summary>Every module's home block types with their module, enabled or not (to tell "unknown" from "not enabled here").</summary>
    public IEnumerable<(NetworkModule Module, HomeBlockType Type)> AllHomeBlockTypes
        => Modules.SelectMany(m => m.HomeBlocks.Select(b => (m, b)));

    /// <summary>Every module's main-navigation entries with their module, enabled or not (the menu editor's choices).</summary>
    /// <remarks>Listed once: modules declare their navigation, and every page's menu resolves its entries through it.</remarks>
    public IReadOnlyList<(NetworkModule Module, NavigationItem Item)> AllNavigation { get; }

    /// <summary>Whether <paramref name="moduleId"/> is enabled for <paramref name="tenant"/> (always-enabled modules included).</summary>
    public bool IsEnabled(Tenancy.TenantInfo tenant, string moduleId)
        => Find(moduleId) is { } module && (module.IsAlwaysEnabled || tenant.IsEnabled(module.Id));

    /// <summary>The requested features plus everything they need, in dependency order. Unknown ids throw.</summary>
    public IReadOnlyList<string> WithDependencies(IEnumerable<string> features)
    {
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string id)
        {
            var module = Find(id) ?? throw new UnknownModuleException(id);
            if (!wanted.Add(module.Id)) return;
            foreach (var dependency in module.Dependencies) Add(dependency);
        }
        foreach (var id in features) Add(id);
        foreach (var module in AlwaysEnabled) Add(module.Id);
        return Modules.Where(m => wanted.Contains(m.Id)).Select(m => m.Id).ToList();
    }

    /// <summary>Enabled modules that need <paramref name="moduleId"/> directly or transitively.</summary>
    public IReadOnlyList<NetworkModule> DependantsOf(string moduleId, IEnumerable<string> enabled)
    {
        var enabledSet = new HashSet<string>(enabled, StringComparer.OrdinalIgnoreCase);
        var result = new List<NetworkModule>();
        var frontier = new Queue<string>([moduleId]);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { moduleId };
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            foreach (var module in Modules.Where(m => enabledSet.Contains(m.Id) && m.Dependencies.Contains(current, StringComparer.OrdinalIgnoreCase)))
            {
                if (seen.Add(module.Id))
                {
                    result.Add(module);
                    frontier.Enqueue(module.Id);
                }
            }
        }
        return result;
    }

    private static List<NetworkModule> TopologicalOrder(IReadOnlyList<NetworkModule> modules)
    {
        var byId = modules.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        var ordered = new List<NetworkModule>();
        var state = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        void Visit(NetworkModule module)
        {
            switch (state.GetValueOrDefault(module.Id))
            {
                case 2: return;
                case 1: throw new InvalidOperationException($"Module dependency cycle through '{module.Id}'.");
            }
            state[module.Id] = 1;
            foreach (var dependency in module.Dependencies) Visit(byId[dependency]);
            state[module.Id] = 2;
            ordered.Add(module);
        }
        foreach (var module in modules) Visit(module);
        return ordered;
    }
}

public sealed class UnknownModuleException(string moduleId) : Exception($"Unknown module '{moduleId}'.")
{
    public string ModuleId { get; } = moduleId;
}
