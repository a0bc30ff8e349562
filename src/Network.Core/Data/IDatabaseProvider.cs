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
    void Configure(DbContextOptionsBuilder builder, DbConnection connection, Type contextType);
    bool TenantDatabaseExists(string tenantName);

    /// <summary>Removes every trace of a tenant's storage (used to roll back a failed creation).</summary>
    void DeleteTenantStorage(string tenantName);
}
