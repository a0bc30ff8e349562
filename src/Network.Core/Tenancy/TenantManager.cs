using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.Recipes;

namespace Network.Core.Tenancy;

/// <summary>A request to create a tenant from a recipe.</summary>
/// <param name="ExtraSteps">Recipe steps run after the recipe's own, such as a "Settings" step with one region's branding.</param>
public sealed record TenantCreation(string Name, string DisplayName, string Recipe, string? Prefix = null, IReadOnlyList<string>? Hosts = null, IReadOnlyDictionary<string, string>? Parameters = null, IReadOnlyList<System.Text.Json.Nodes.JsonObject>? ExtraSteps = null);

/// <summary>Validation errors on a tenant operation, by field, in French; nothing was written.</summary>
public sealed class TenantValidationException(IReadOnlyList<(string Field, string Message)> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field} : {e.Message}")))
{
    public IReadOnlyList<(string Field, string Message)> Errors { get; } = errors;
}

/// <summary>Creates, changes and switches tenants; the only writer of the tenant registry.</summary>
public sealed class TenantManager(
    IServiceScopeFactory scopeFactory,
    TenantScopeFactory tenantScopes,
    TenantCatalog catalog,
    ModuleCatalog modules,
    RecipeReader recipes,
    DatabaseMigrator migrator,
    IDatabaseProvider databases,
    TenantActivator activator,
    ILogger<TenantManager> logger)
{
    /// <summary>
    /// Creates a tenant and runs its recipe. On any failure, nothing of the tenant remains
    /// (no registry row, no database file) and the exception says what failed.
    /// </summary>
    public async Task<TenantInfo> CreateAsync(TenantCreation request, CancellationToken cancellationToken = default)
    {
        var name = (request.Name ?? "").Trim();
        var displayName = (request.DisplayName ?? "").Trim();
        // An empty prefix (an optional form field left blank) means "same as the name".
        var prefix = string.IsNullOrWhiteSpace(request.Prefix) ? name : request.Prefix.Trim();
        var hosts = NormalizeHosts(request.Hosts);
        var isHub = name == TenantRecord.HubName;
        if (isHub) prefix = "";

        var errors = new List<(string Field, string Message)>();
        if (name.Length == 0) errors.Add(("name", "le nom est obligatoire (ex. bretagne)"));
        else if (!TenantNames.IsSlug(name)) errors.Add(("name", "le nom doit être un identifiant en minuscules : lettres non accentuées, chiffres et tirets (ex. bretagne)"));
        else if (!isHub && TenantNames.IsReserved(name)) errors.Add(("name", $"« {name} » est réservé par le site"));
        // A prefix defaulted from the name is checked through the name; only its uniqueness is its own.
        var prefixGiven = !string.IsNullOrWhiteSpace(request.Prefix);
        if (prefixGiven && !isHub)
        {
            if (!TenantNames.IsSlug(prefix)) errors.Add(("prefix", "le préfixe doit être un identifiant en minuscules : lettres non accentuées, chiffres et tirets"));
            else if (TenantNames.IsReserved(prefix)) errors.Add(("prefix", $"« {prefix} » est réservé par le site"));
        }
        errors.AddRange(TenantSettingsRules.Check(displayName, null, null, null, null));
        if (errors.All(e => e.Field != "name") && (catalog.Find(name) is not null || await ExistsAsync(t => t.Name == name, cancellationToken)))
            errors.Add(("name", $"un site nommé « {name} » existe déjà"));
        if (errors.All(e => e.Field != "prefix" && (prefixGiven || e.Field != "name")) && await ExistsAsync(t => t.Prefix == prefix, cancellationToken))
        {
            // Without a prefix of its own, a taken prefix is most often a concurrent creation of the same name.
            errors.Add(!prefixGiven && await ExistsAsync(t => t.Name == name, cancellationToken)
                ? ("name", $"un site nommé « {name} » existe déjà")
                : ("prefix", $"le préfixe « {prefix} » est déjà utilisé"));
        }
        errors.AddRange(await CheckHostsAsync(hosts, exceptTenant: null, cancellationToken));
        if (errors.Count > 0) throw new TenantValidationException(errors);

        var parameters = new Dictionary<string, string>(request.Parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["Name"] = name,
            ["DisplayName"] = displayName,
        };
        // Validates the whole recipe before anything is written.
        var recipe = recipes.Load(request.Recipe ?? "", parameters, request.ExtraSteps);
        // Leftover files (a restored backup, media) must never be adopted, nor deleted by a rollback.
        if (databases.TenantStorageExists(name))
        {
            // A concurrent creation of the same name may have got that far first: say so plainly.
            throw new TenantValidationException([("name", await ExistsAsync(t => t.Name == name, cancellationToken)
                ? $"un site nommé « {name} » existe déjà"
                : $"des données existent déjà pour « {name} » dans le dossier de données")]);
        }

        var now = DateTime.UtcNow;
        var record = new TenantRecord
        {
            Name = name,
            Prefix = prefix,
            DisplayName = displayName,
            SiteName = displayName,
            State = TenantState.Uninitialized,
            Hosts = hosts.Select(h => new TenantHostName { HostName = h }).ToList(),
            Features = modules.WithDependencies([]).ToList(),
            RecipeName = request.Recipe ?? "",
            CreatedUtc = now,
            UpdatedUtc = now,
        };

        await SaveNewAsync(record, cancellationToken);
        // From here on the tenant exists: every failure, cancellation included, must undo it all.
        try
        {
            await catalog.ReloadAsync(cancellationToken);
            await RunRecipeAsync(record, recipe, cancellationToken);
            record.State = TenantState.Running;
            await UpdateAsync(record, cancellationToken);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Creating tenant {Tenant} failed; rolling back", name);
            try
            {
                await RemoveAsync(record.Id, name);
            }
            catch (Exception cleanup)
            {
                // The original failure is what the caller must see; the cleanup failure is logged.
                logger.LogCritical(cleanup, "Rolling back tenant {Tenant} failed: remove its registry row and folder by hand", name);
            }
            throw new TenantCreationException(name, exception);
        }
        await catalog.ReloadAsync(cancellationToken);
        return catalog.Find(name)!;
    }

    private async Task RunRecipeAsync(TenantRecord record, Recipe recipe, CancellationToken cancellationToken)
    {
        var migratedFor = (string?)null;
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            var handler = recipes.Handler(step["name"]!.GetValue<string>());
            try
            {
                var features = string.Join(",", record.Features);
                if (handler.NeedsTenantDatabase && migratedFor != features)
                {
                    await migrator.MigrateTenantAsync(new TenantInfo(record), record.Features, cancellationToken);
                    migratedFor = features;
                }
                await using var scope = tenantScopes.CreateScope(new TenantInfo(record));
                await handler.ExecuteAsync(step, new RecipeExecutionContext(record, scope.ServiceProvider), cancellationToken);
            }
            catch (Exception exception) when (exception is not RecipeException)
            {
                throw new RecipeException([new RecipeError(recipe.FileName, i, handler.Name, exception.Message)]);
            }
        }
        // Modules enabled by the last steps get their tables too.
        await migrator.MigrateTenantAsync(new TenantInfo(record), record.Features, cancellationToken);
    }

    /// <summary>Changes the state (Running / Disabled). The hub cannot be disabled.</summary>
    public async Task SetStateAsync(string name, TenantState state, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(name, record =>
        {
            if (record.IsHub && state != TenantState.Running)
                throw new TenantValidationException([("state", "le hub du réseau ne peut pas être désactivé")]);
            if (record.State == TenantState.Uninitialized)
                throw new TenantValidationException([("state", "le site est en cours d'initialisation")]);
            record.State = state;
        }, cancellationToken);
    }

    /// <summary>Enables a module and what it needs.</summary>
    public Task EnableFeatureAsync(string name, string moduleId, CancellationToken cancellationToken = default)
        => ChangeAsync(name, record =>
        {
            if (modules.Find(moduleId) is null) throw new TenantValidationException([("feature", $"module inconnu « {moduleId} »")]);
            record.Features = modules.WithDependencies(record.Features.Append(moduleId)).ToList();
        }, cancellationToken, migrate: true);

    /// <summary>Disables a module; refused while an enabled module needs it.</summary>
    public Task DisableFeatureAsync(string name, string moduleId, CancellationToken cancellationToken = default)
        => ChangeAsync(name, record =>
        {
            var module = modules.Find(moduleId) ?? throw new TenantValidationException([("feature", $"module inconnu « {moduleId} »")]);
            if (module.IsAlwaysEnabled)
                throw new TenantValidationException([("feature", $"le module « {module.Name} » fait partie du socle et ne peut pas être désactivé")]);
            var dependants = modules.DependantsOf(module.Id, record.Features);
            if (dependants.Count > 0)
                throw new TenantValidationException([("feature", $"« {module.Name} » ne peut pas être désactivé : {string.Join(", ", dependants.Select(d => $"« {d.Name} »"))} en dépend ; désactivez-les d'abord")]);
            record.Features = record.Features.Where(f => !string.Equals(f, module.Id, StringComparison.OrdinalIgnoreCase)).ToList();
        }, cancellationToken);

    /// <summary>Changes settings and branding; <paramref name="change"/> may throw <see cref="TenantValidationException"/>.</summary>
    /// <param name="expectedVersion">The version the change was based on (a form's hidden field): a stale one is refused and nothing is written.</param>
    public Task UpdateSettingsAsync(string name, Action<TenantRecord> change, CancellationToken cancellationToken = default, Guid? expectedVersion = null)
        => ChangeAsync(name, change, cancellationToken, expectedVersion: expectedVersion);

    /// <summary>
    /// Removes tenants left Uninitialized by a process that died during their recipe (registry row and
    /// storage), so their name is free again and a half-made hub is set up anew. Only setups older than
    /// <paramref name="olderThan"/> are touched: a creation running in another process is left alone.
    /// </summary>
    /// <returns>The names removed.</returns>
    public async Task<IReadOnlyList<string>> RemoveAbandonedSetupsAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        var limit = DateTime.UtcNow - olderThan;
        List<(int Id, string Name)> abandoned;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
            abandoned = (await db.Tenants.AsNoTracking()
                    .Where(t => t.State == TenantState.Uninitialized && t.UpdatedUtc < limit)
                    .Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
                .Select(t => (t.Id, t.Name)).ToList();
        }
        foreach (var (id, name) in abandoned)
        {
            logger.LogWarning("Removing tenant {Tenant}: its set-up was abandoned (still uninitialized after {Minutes} minutes)", name, olderThan.TotalMinutes);
            await RemoveAsync(id, name);
        }
        return abandoned.Select(t => t.Name).ToList();
    }

    /// <summary>Every tenant as stored (states included), the hub first, then by name.</summary>
    public async Task<List<TenantRecord>> ListRecordsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
        var records = await db.Tenants.AsNoTracking().ToListAsync(cancellationToken);
        return records.OrderBy(r => r.IsHub ? 0 : 1).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<TenantRecord?> FindRecordAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
        return await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
    }

    private async Task ChangeAsync(string name, Action<TenantRecord> change, CancellationToken cancellationToken, bool migrate = false, Guid? expectedVersion = null)
    {
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
            var record = await db.Tenants.SingleOrDefaultAsync(t => t.Name == name, cancellationToken)
                ?? throw new TenantValidationException([("name", $"site « {name} » introuvable")]);
            if (expectedVersion is { } expected)
            {
                if (record.Version != expected) throw StaleVersion();
                // The UPDATE then checks the version the caller saw, so a change committed in between is detected too.
                db.Entry(record).Property(r => r.Version).OriginalValue = expected;
            }
            change(record);
            if (migrate && record.State == TenantState.Running)
                await migrator.MigrateTenantAsync(new TenantInfo(record), record.Features, cancellationToken);
            record.UpdatedUtc = DateTime.UtcNow;
            record.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw StaleVersion();
            }
            catch (DbUpdateException)
            {
                throw new TenantValidationException([("hosts", "un nom d'hôte ou un préfixe est déjà utilisé par un autre site")]);
            }
        }
        await catalog.ReloadAsync(cancellationToken);
    }

    private static TenantValidationException StaleVersion()
        => new([("version", "le site a été modifié entre-temps par quelqu'un d'autre ; rechargez la page pour voir ses changements, puis recommencez")]);

    /// <summary>Trimmed, lower-cased, without blanks or duplicates (the form of host names in the registry).</summary>
    public static List<string> NormalizeHosts(IEnumerable<string>? hosts)
        => (hosts ?? []).Select(h => h.Trim().TrimEnd('.').ToLowerInvariant()).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Host names that are malformed or answered by another tenant than <paramref name="exceptTenant"/>.</summary>
    public async Task<List<(string Field, string Message)>> CheckHostsAsync(IReadOnlyList<string> hosts, string? exceptTenant, CancellationToken cancellationToken = default)
    {
        var errors = new List<(string Field, string Message)>();
        foreach (var host in hosts)
        {
            if (!TenantNames.IsHostName(host))
                errors.Add(("hosts", $"nom d'hôte invalide « {host} » (ex. culture.exemple.fr, sans http:// ni chemin)"));
        }
        var wellFormed = hosts.Where(TenantNames.IsHostName).ToList();
        if (wellFormed.Count == 0) return errors;
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
        var taken = await db.TenantHosts.AsNoTracking()
            .Where(h => wellFormed.Contains(h.HostName))
            .Join(db.Tenants.AsNoTracking(), h => h.TenantId, t => t.Id, (h, t) => new { h.HostName, t.Name })
            .Where(x => x.Name != exceptTenant)
            .ToListAsync(cancellationToken);
        foreach (var conflict in taken)
            errors.Add(("hosts", $"l'hôte « {conflict.HostName} » est déjà utilisé par le site « {conflict.Name} »"));
        return errors;
    }

    private async Task<bool> ExistsAsync(System.Linq.Expressions.Expression<Func<TenantRecord, bool>> predicate, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TenantsDbContext>().Tenants.AnyAsync(predicate, cancellationToken);
    }

    private async Task SaveNewAsync(TenantRecord record, CancellationToken cancellationToken)
    {
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
            db.Tenants.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                // A concurrent creation won the race for a unique name, prefix or host: say which.
            }
        }
        if (await ExistsAsync(t => t.Name == record.Name, cancellationToken))
            throw new TenantValidationException([("name", $"un site nommé « {record.Name} » existe déjà")]);
        if (await ExistsAsync(t => t.Prefix == record.Prefix, cancellationToken))
            throw new TenantValidationException([("prefix", $"le préfixe « {record.Prefix} » est déjà utilisé")]);
        throw new TenantValidationException([("hosts", "un de ces noms d'hôte est déjà utilisé par un autre site")]);
    }

    private async Task UpdateAsync(TenantRecord record, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
        var stored = await db.Tenants.SingleAsync(t => t.Id == record.Id, cancellationToken);
        db.Entry(stored).CurrentValues.SetValues(record);
        stored.Features = record.Features.ToList();
        stored.BlocMarqueLines = record.BlocMarqueLines.ToList();
        stored.Version = Guid.NewGuid();
        stored.UpdatedUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RemoveAsync(int id, string name)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
            await db.Tenants.Where(t => t.Id == id).ExecuteDeleteAsync();
        }
        finally
        {
            activator.Forget(name);
            databases.DeleteTenantStorage(name);
            await catalog.ReloadAsync();
        }
    }
}

public sealed class TenantCreationException(string tenantName, Exception inner)
    : Exception($"La création du site « {tenantName} » a échoué et a été annulée : {inner.Message}", inner);
