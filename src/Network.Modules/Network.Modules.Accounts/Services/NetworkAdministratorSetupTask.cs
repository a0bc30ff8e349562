using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Security;
using Network.Modules.Accounts.Data;

namespace Network.Modules.Accounts.Services;

/// <summary>
/// Makes sure the network administrator exists: on first run, creates <c>Network:AdminEmail</c> with
/// <c>Network:AdminPassword</c>, or with a generated password printed once to the console (never logged).
/// </summary>
public sealed class NetworkAdministratorSetupTask(IServiceScopeFactory scopes, IOptions<NetworkOptions> options, ILogger<NetworkAdministratorSetupTask> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NetworkUser>>();

        if (!await roles.RoleExistsAsync(NetworkRoles.Administrator))
            Check(await roles.CreateAsync(new IdentityRole(NetworkRoles.Administrator)), "create the Administrator role");

        var email = options.Value.AdminEmail.Trim();
        if (email.Length == 0) throw new InvalidOperationException("Network:AdminEmail is empty: the network needs an administrator.");
        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            var configured = options.Value.AdminPassword;
            var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
            admin = new NetworkUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Administrateur du réseau",
                CreatedUtc = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("The network administrator could not be created (check Network:AdminPassword against the password rules): "
                    + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            logger.LogInformation("Network administrator {Email} created", email);
            if (string.IsNullOrEmpty(configured))
            {
                // The only place this password ever appears; it is not stored anywhere in clear.
                Console.WriteLine();
                Console.WriteLine("==================================================================");
                Console.WriteLine($" Administrateur du réseau : {email}");
                Console.WriteLine(" " + GeneratedPasswordLabel + password);
                Console.WriteLine(" Notez-le maintenant. Pour le choisir vous-même sur une nouvelle installation : Network__AdminPassword.");
                Console.WriteLine("==================================================================");
                Console.WriteLine();
            }
        }
        if (!await users.IsInRoleAsync(admin, NetworkRoles.Administrator))
            Check(await users.AddToRoleAsync(admin, NetworkRoles.Administrator), "grant the Administrator role");
    }

    /// <summary>Label for tests and operators looking for the line in the console output.</summary>
    public const string GeneratedPasswordLabel = "Mot de passe généré (affiché une seule fois) : ";

    private static string GeneratePassword()
    {
        // 24 characters from an unambiguous alphabet (~137 bits), with a lowercase letter and a digit guaranteed by the groups.
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789";
        const string all = lower + upper + digits;
        var groups = new string[4];
        for (var g = 0; g < groups.Length; g++)
        {
            var chars = new char[6];
            for (var i = 0; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
            groups[g] = new string(chars);
        }
        groups[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)] + groups[0][1..];
        groups[1] = digits[RandomNumberGenerator.GetInt32(digits.Length)] + groups[1][1..];
        return string.Join('-', groups);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
