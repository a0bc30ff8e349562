using Microsoft.EntityFrameworkCore;

namespace Network.Modules.Settings.Data;

/// <summary>
/// The Settings module's tables in the tenant's database. None are left (legal texts are pages of the Pages module
/// now); the context stays so that its migrations, the one dropping the old LegalPages table included, keep running.
/// </summary>
public sealed class SiteSettingsDbContext(DbContextOptions<SiteSettingsDbContext> options) : DbContext(options);
