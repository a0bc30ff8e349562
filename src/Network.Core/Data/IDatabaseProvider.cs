using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Network.Core.Data;

/// <summary>
/// Everything provider-specific lives behind this interface, so modules never name SQLite.
/// A PostgreSQL provider implements the same members.
/// </summary>
public interface IDatabaseProvider
{
    DbConnection CreateHostConnection();
    DbConnection CreateTenantConnection(string tenantName);
    /// <summary>A context's options: on <paramref name="connection"/>, or on none when the connection is set on each context (pooled contexts).</summary>
    void Configure(DbContextOptionsBuilder builder, DbConnection? connection, Type contextType);
    /// <summary>Whether anything of a tenant's storage exists (its database or its folder of files).</summary>
    bool TenantStorageExists(string tenantName);

    /// <summary>Removes every trace of a tenant's storage (used to roll back a failed creation).</summary>
    void DeleteTenantStorage(string tenantName);
}
