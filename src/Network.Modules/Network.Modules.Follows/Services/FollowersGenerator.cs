using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;
using Network.Modules.Content.Services;
using Network.Modules.Follows.Data;

namespace Network.Modules.Follows.Services;

/// <summary>
/// Generated members for the digest's scale test and benchmark: accounts (confirmed address, no password) each following
/// 1 to 4 random topics of the running tenants (their region, a domain or a technology of their vocabularies), mostly
/// with the weekly digest. Written in chunks, one host transaction each. Not for real sites.
/// </summary>
public sealed class FollowersGenerator(TenantCatalog catalog, TenantActivator activator, TenantScopeFactory scopes, TimeProvider clock)
{
    private const int Chunk = 2000;

    /// <returns>How many follows were written.</returns>
    public async Task<int> GenerateAsync(int members, int seed, string emailDomain = "membres.bench.localhost", CancellationToken cancellationToken = default)
    {
        var topics = new List<FollowTopic>();
        foreach (var tenant in catalog.All.Where(t => t.State == TenantState.Running && t.IsEnabled("Content")))
        {
            await activator.EnsureActivatedAsync(tenant);
            await using var tenantScope = scopes.CreateScope(tenant);
            var vocabularies = tenantScope.ServiceProvider.GetRequiredService<VocabularyService>();
            topics.Add(new FollowTopic(FollowKinds.Region, tenant.Name, ""));
            topics.AddRange((await vocabularies.GetAsync(Vocabularies.Domains, cancellationToken)).Select(t => new FollowTopic(FollowKinds.Domain, tenant.Name, t.Value)));
            topics.AddRange((await vocabularies.GetAsync(Vocabularies.Technologies, cancellationToken)).Select(t => new FollowTopic(FollowKinds.Technology, tenant.Name, t.Value)));
        }
        var random = new Random(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var written = 0;
        for (var start = 0; start < members; start += Chunk)
        {
            await using var scope = scopes.CreateScope(catalog.Hub);
            var services = scope.ServiceProvider;
            var accounts = services.GetRequiredService<AccountsDbContext>();
            var follows = services.GetRequiredService<FollowsDbContext>();
            await using var transaction = await services.GetRequiredService<DatabaseSession>().BeginHostTransactionAsync(cancellationToken);
            for (var n = start; n < Math.Min(members, start + Chunk); n++)
            {
                var email = $"membre-{seed}-{n}@{emailDomain}";
                var user = new NetworkUser
                {
                    Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, DisplayName = $"Membre {n}", CreatedUtc = now, SecurityStamp = Guid.NewGuid().ToString("N"),
                    PreferredCulture = n % 10 == 0 ? "en" : "fr",
                };
                accounts.Users.Add(user);
                foreach (var topic in Enumerable.Range(0, random.Next(1, 5)).Select(_ => topics[random.Next(topics.Count)]).Distinct())
                {
                    var roll = random.Next(100);
                    follows.Follows.Add(new Follow
                    {
                        UserId = user.Id, Kind = topic.Kind, Tenant = topic.Tenant, Key = topic.Key, Topic = topic.Code, CreatedUtc = now,
                        Delivery = roll < 85 ? FollowDelivery.Weekly : roll < 90 ? FollowDelivery.Immediate : FollowDelivery.None,
                    });
                    written++;
                }
            }
            await accounts.SaveChangesAsync(cancellationToken);
            await follows.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return written;
    }
}
