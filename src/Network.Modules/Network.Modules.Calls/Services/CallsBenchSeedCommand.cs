using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Hosting;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;
using Network.Modules.Calls.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;

namespace Network.Modules.Calls.Services;

/// <summary>
/// <c>calls-bench seed --tenant &lt;name&gt; --count &lt;n&gt; --password &lt;p&gt;</c>: creates one open call and n accounts, each
/// with a complete draft application to it, and prints "email TAB applicationId" per line, for the submission
/// benchmark (bench/calls.sh). Not for real sites.
/// </summary>
public sealed class CallsBenchSeedCommand(TenantCatalog catalog, TenantScopeFactory scopes, TenantActivator activator, IServiceScopeFactory hostScopes, CallType type) : ICliCommand
{
    public string Name => "calls-bench";

    public string Usage => "calls-bench seed --tenant <nom> --count <n> --password <mot de passe>   (banc d'essai) crée un appel ouvert et n candidats avec un brouillon complet";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? tenantName = null, password = null;
        var count = 0;
        for (var i = 1; i + 1 < args.Count; i += 2)
        {
            if (args[i] == "--tenant") tenantName = args[i + 1];
            else if (args[i] == "--password") password = args[i + 1];
            else if (args[i] == "--count") int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out count);
        }
        if (args.Count == 0 || args[0] != "seed" || tenantName is null || password is null || count is <= 0 or > 10_000)
        {
            await error.WriteLineAsync("Usage : " + Usage);
            return 2;
        }
        if (catalog.Find(tenantName) is null) await catalog.ReloadAsync(cancellationToken);
        if (catalog.Find(tenantName) is not { State: TenantState.Running } tenant)
        {
            await error.WriteLineAsync($"Le site « {tenantName} » n'existe pas ou n'est pas en service.");
            return 2;
        }
        await activator.EnsureActivatedAsync(tenant);

        CallView call;
        var now = DateTime.UtcNow;
        await using (var scope = scopes.CreateScope(tenant))
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var fields = new CallFields
            {
                Programme = "BANC", Year = now.Year, Description = "Appel fictif du banc d'essai.", EligibleApplicants = ["association"],
                Territory = "Banc d'essai", MaxAmountPerProject = 40_000m, MaxFundingRatePercent = 50m,
                OpensUtc = now.AddDays(-1), ClosesUtc = now.AddHours(3), ContactEmail = "banc@reseau.localhost",
                Questions = [new("accessibilite", "Accessibilité du projet", "", Required: true)],
            };
            var created = await store.CreateAsync(type, new ContentEdit("Appel du banc d'essai " + now.ToString("HHmmss", CultureInfo.InvariantCulture), null, "Banc d'essai.", false, fields), ContentActor.System, cancellationToken);
            if (!created.Succeeded)
            {
                await error.WriteLineAsync(string.Join(" ", created.Errors.Select(e => e.Message)));
                return 1;
            }
            await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentActor.System, cancellationToken: cancellationToken);
            call = (await scope.ServiceProvider.GetRequiredService<CallRounds>().FindAsync(created.Item.Id, cancellationToken))!;
        }

        var stamp = Guid.NewGuid().ToString("N")[..8];
        for (var n = 0; n < count; n++)
        {
            var email = $"candidat-{stamp}-{n:0000}@bench.localhost";
            NetworkUser user;
            await using (var host = hostScopes.CreateAsyncScope())
            {
                var users = host.ServiceProvider.GetRequiredService<UserManager<NetworkUser>>();
                user = new NetworkUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Candidat {n}", CreatedUtc = DateTime.UtcNow };
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    await error.WriteLineAsync(string.Join(" ", result.Errors.Select(e => e.Description)));
                    return 1;
                }
            }
            await using var scope = scopes.CreateScope(tenant);
            var drafts = scope.ServiceProvider.GetRequiredService<ApplicationDrafts>();
            var draft = await drafts.StartAsync(call, user.Id, user.DisplayName, email, "fr", cancellationToken);
            await drafts.SaveAsync(draft, Form(n, email), ApplicationSteps.Summary, draft.Version, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{email}\t{draft.Id}"));
        }
        return 0;
    }

    private static ApplicationForm Form(int n, string email) => new()
    {
        OrganisationName = $"Association du banc {n}", LegalForm = "association", Rna = string.Create(CultureInfo.InvariantCulture, $"W{590000000 + n:000000000}"),
        AddressLine = "1 rue du Banc", PostalCode = "59000", City = "Lille",
        ContactName = $"Candidat {n}", ContactEmail = email,
        ProjectTitle = $"Projet du banc {n}", Summary = "Un projet fictif.", Description = "Un projet **fictif** du banc d'essai.",
        TotalBudget = 50_000m, AmountRequested = 20_000m,
        Answers = new() { ["accessibilite"] = "Sous-titrage et audiodescription." },
    };
}
