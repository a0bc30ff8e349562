namespace Network.Core.Privacy;

/// <summary>
/// What a module holds about one account (a profile, comments, follows, registrations), across every tenant. The
/// account's personal data page exports every source's section in one JSON document and, when the person deletes
/// their account, asks every source to erase or anonymise what it holds before the account itself is deleted.
/// Registered as a singleton or scoped service; a source reads the tenants itself (RegionScopes, TenantScopeFactory),
/// because accounts are network-wide while most data lives in tenant databases.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The <see cref="Modules.NetworkModule.Id"/> of the module holding the data.</summary>
    string ModuleId { get; }

    /// <summary>The section's name in the export ("profil", "commentaires", "abonnements").</summary>
    string Section { get; }

    /// <summary>A JSON-serialisable value with everything held about the account, or null when nothing is.</summary>
    Task<object?> ExportAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Deletes what is personal; what others need to keep reading (a comment in a thread) is anonymised.</summary>
    Task EraseAsync(string userId, CancellationToken cancellationToken = default);
}
