using Network.Core.Tenancy;

namespace Network.Core.Modules;

public enum KeyFigureUnit { Count, Euros }

/// <summary>One number of the "key figures" home block ("Projets soutenus" = 42).</summary>
/// <param name="Id">Stable name ("showcases-count").</param>
/// <param name="Label">French label, translated through the localizer.</param>
public sealed record KeyFigure(string Id, string Label, decimal Value, KeyFigureUnit Unit = KeyFigureUnit.Count, int Order = 100);

/// <summary>
/// Implemented by modules that have figures to show on home pages (showcases: projects and funded amount;
/// accounts: members). Only sources of modules the tenant has enabled are asked. On the hub the figures are
/// network-wide. Called on home page views: answer from memory once warm.
/// </summary>
public interface IKeyFigureSource
{
    /// <summary>The <see cref="NetworkModule.Id"/> of the module the figures belong to.</summary>
    string ModuleId { get; }

    Task<IReadOnlyList<KeyFigure>> GetAsync(TenantInfo tenant, CancellationToken cancellationToken = default);
}
