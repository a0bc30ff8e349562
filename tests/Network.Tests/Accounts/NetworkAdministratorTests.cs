using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Services;
using Network.Tests.Infrastructure;

namespace Network.Tests.Accounts;

public sealed class NetworkAdministratorTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task First_run_creates_the_configured_administrator_confirmed_and_in_the_administrator_role()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NetworkUser>>();
        var admin = await users.FindByEmailAsync(NetworkWebFactory.AdminEmail);
        Assert.NotNull(admin);
        Assert.True(admin.EmailConfirmed);
        Assert.True(await users.IsInRoleAsync(admin, NetworkRoles.Administrator));
        Assert.True(await users.CheckPasswordAsync(admin, NetworkWebFactory.AdminPassword));

        // The role reaches the cookie: the hub-only, administrator-only pages open.
        var client = await factory.SignedInClientAsync(NetworkWebFactory.AdminEmail, NetworkWebFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/comptes")).StatusCode);
        var profile = await client.GetDocumentAsync("/compte");
        Assert.Contains("Administrateur du réseau", profile.QuerySelector("main")!.TextContent);
    }
}

/// <summary>The console is process-wide: these tests run alone.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

[Collection(nameof(ConsoleCapture))]
public sealed class GeneratedAdministratorPasswordTests
{
    [Fact]
    public async Task Without_a_configured_password_one_is_generated_and_printed_once_and_never_again()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "reseau-tests", "generated-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = await RunHostAsync(dataPath, async factory =>
            {
                var output = factory.CapturedOutput;
                var line = output.Split('\n').Single(l => l.Contains(NetworkAdministratorSetupTask.GeneratedPasswordLabel, StringComparison.Ordinal));
                var password = line[(line.IndexOf(NetworkAdministratorSetupTask.GeneratedPasswordLabel, StringComparison.Ordinal) + NetworkAdministratorSetupTask.GeneratedPasswordLabel.Length)..].Trim();
                Assert.True(password.Length >= 20, password);
                await factory.SignedInClientAsync(NetworkWebFactory.AdminEmail, password);
                return password;
            });
            await RunHostAsync(dataPath, async factory =>
            {
                Assert.DoesNotContain(NetworkAdministratorSetupTask.GeneratedPasswordLabel, factory.CapturedOutput);
                Assert.DoesNotContain(first, factory.CapturedOutput);
                // Still the same administrator, with the password printed the first time.
                await factory.SignedInClientAsync(NetworkWebFactory.AdminEmail, first);
                return first;
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<string> RunHostAsync(string dataPath, Func<CapturingFactory, Task<string>> test)
    {
        var original = Console.Out;
        var captured = new StringWriter(new StringBuilder());
        Console.SetOut(TextWriter.Synchronized(captured));
        try
        {
            await using var factory = new CapturingFactory(dataPath, captured);
            _ = factory.Services; // starts the host: first-run tasks write to the console now
            Console.SetOut(original);
            return await test(factory);
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    /// <summary>A host with no administrator password configured, on a data folder that outlives it.</summary>
    private sealed class CapturingFactory : NetworkWebFactory
    {
        private readonly StringWriter _output;

        public CapturingFactory(string dataPath, StringWriter output)
        {
            _output = output;
            Settings["Network:DataPath"] = dataPath;
            Settings["Network:AdminPassword"] = "";
        }

        public string CapturedOutput => _output.ToString();
    }
}
