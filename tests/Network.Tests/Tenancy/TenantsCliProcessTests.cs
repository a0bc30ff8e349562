using System.Diagnostics;

namespace Network.Tests.Tenancy;

/// <summary>The real command line: <c>dotnet Network.Web.dll tenants ...</c> in its own process, on a fresh data folder.</summary>
public sealed class TenantsCliProcessTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "reseau-tests", Guid.NewGuid().ToString("N") + "-cli");

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        // The host assembly is copied beside the tests with its runtime config, appsettings.json and recipes.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Network.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Network__DataPath"] = _dataPath;
        start.Environment["Network__AdminEmail"] = "admin@reseau.test";
        start.Environment["Network__AdminPassword"] = "Mot-de-passe-admin-42";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Tenants_create_then_list_through_the_real_process()
    {
        var (code, output, error) = await RunAsync("tenants", "create", "--name", "bretagne", "--display-name", "Bretagne", "--recipe", "region", "--host", "culture.bretagne.test");
        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("Site « bretagne » (Bretagne) créé avec la recette « region »", output);
        Assert.True(File.Exists(Path.Combine(_dataPath, "tenants", "bretagne", "tenant.db")));
        Assert.True(File.Exists(Path.Combine(_dataPath, "host.db")));

        (code, output, _) = await RunAsync("tenants", "list");
        Assert.Equal(0, code);
        // First run created the hub and the two regions of appsettings.json before the command.
        foreach (var name in new[] { "network", "hauts-de-france", "nouvelle-aquitaine", "bretagne" }) Assert.Contains(name, output);
        Assert.Contains("4 site(s).", output);

        (code, output, error) = await RunAsync("tenants", "create", "--name", "Bretagne", "--display-name", "Doublon");
        Assert.Equal(2, code);
        Assert.Contains("Rien n'a été créé", error);
        Assert.Contains("--name : le nom doit être un identifiant en minuscules", error);

        (code, _, error) = await RunAsync("commande-inconnue");
        Assert.Equal(2, code);
        Assert.Contains("Commande inconnue « commande-inconnue »", error);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
