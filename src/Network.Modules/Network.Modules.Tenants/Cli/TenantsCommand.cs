using System.Diagnostics;
using System.Globalization;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.Recipes;
using Network.Core.Tenancy;

namespace Network.Modules.Tenants.Cli;

/// <summary>
/// <c>tenants list | create | disable | enable | features</c>: the network administrator's command line,
/// through the same <see cref="TenantManager"/> as the admin pages. Exit codes: 0 done, 2 bad input
/// (nothing written), 1 failure while running (rolled back).
/// </summary>
public sealed class TenantsCommand(TenantManager manager, ModuleCatalog modules) : ICliCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public string Name => "tenants";

    public string Usage => """
        tenants list                                      liste les sites (nom, adresse, état, modules)
        tenants create --name <nom> --display-name <nom affiché> [--recipe region] [--prefix <préfixe>]
                       [--host <nom d'hôte>]... [--param Clé=Valeur]...   crée un site à partir d'une recette
        tenants disable --name <nom>                      désactive un site (il répond 404)
        tenants enable --name <nom>                       réactive un site désactivé
        tenants features --name <nom> [--enable <module>]... [--disable <module>]...
                                                          liste ou change les modules activés d'un site
        """;

    private static readonly Dictionary<string, string[]> OptionsByVerb = new(StringComparer.Ordinal)
    {
        ["list"] = [],
        ["create"] = ["name", "display-name", "recipe", "prefix", "host", "param"],
        ["disable"] = ["name"],
        ["enable"] = ["name"],
        ["features"] = ["name", "enable", "disable"],
    };

    /// <summary>Fields of <see cref="TenantValidationException"/> shown as the option that set them.</summary>
    private static readonly Dictionary<string, string> OptionOfField = new(StringComparer.Ordinal)
    {
        ["name"] = "--name",
        ["displayName"] = "--display-name",
        ["prefix"] = "--prefix",
        ["hosts"] = "--host",
        ["feature"] = "--enable/--disable",
    };

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || !OptionsByVerb.TryGetValue(args[0], out var allowed))
        {
            await error.WriteLineAsync(args.Count == 0 ? "Indiquez une action." : $"Action inconnue « {args[0]} ».");
            await error.WriteLineAsync("Usage :");
            await error.WriteLineAsync(Usage);
            return BadInput;
        }
        var options = new CliArguments(args.Skip(1));
        var unknown = options.OptionNames.Where(o => !allowed.Contains(o, StringComparer.Ordinal)).Select(o => "--" + o)
            .Concat(options.Positional.Select(p => $"« {p} »")).ToList();
        if (unknown.Count > 0)
        {
            await error.WriteLineAsync($"Argument inconnu pour « tenants {args[0]} » : {string.Join(", ", unknown)}.");
            await error.WriteLineAsync("Usage :");
            await error.WriteLineAsync(Usage);
            return BadInput;
        }

        try
        {
            return args[0] switch
            {
                "list" => await ListAsync(output),
                "create" => await CreateAsync(options, output, error, cancellationToken),
                "disable" => await SetStateAsync(options, TenantState.Disabled, output, error, cancellationToken),
                "enable" => await SetStateAsync(options, TenantState.Running, output, error, cancellationToken),
                _ => await FeaturesAsync(options, output, error, cancellationToken),
            };
        }
        catch (TenantValidationException exception)
        {
            await error.WriteLineAsync(args[0] == "create" ? "Rien n'a été créé :" : "Rien n'a été modifié :");
            foreach (var (field, message) in exception.Errors)
                await error.WriteLineAsync($"  {OptionOfField.GetValueOrDefault(field, field)} : {message}");
            return BadInput;
        }
        catch (RecipeException exception)
        {
            await error.WriteLineAsync("Recette invalide, rien n'a été créé :");
            foreach (var problem in exception.Errors) await error.WriteLineAsync("  " + problem);
            return BadInput;
        }
        catch (TenantCreationException exception)
        {
            await error.WriteLineAsync(exception.Message);
            return Failure;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await error.WriteLineAsync($"Erreur inattendue : {exception.Message}");
            return Failure;
        }
    }

    private async Task<int> ListAsync(TextWriter output)
    {
        var records = await manager.ListRecordsAsync();
        if (records.Count == 0)
        {
            await output.WriteLineAsync("Aucun site.");
            return Success;
        }
        var rows = records.Select(r => new[]
        {
            r.Name,
            r.DisplayName,
            r.IsHub ? "/" : $"/{r.Prefix}/",
            r.Hosts.Count == 0 ? "-" : string.Join(" ", r.Hosts.Select(h => h.HostName).Order(StringComparer.Ordinal)),
            StateLabel(r.State),
            r.Features.Count.ToString(CultureInfo.InvariantCulture),
            r.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }).ToList();
        string[] header = ["NOM", "NOM AFFICHÉ", "ADRESSE", "HÔTES", "ÉTAT", "MODULES", "CRÉÉ (UTC)"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
        await output.WriteLineAsync(Line(header));
        foreach (var row in rows) await output.WriteLineAsync(Line(row));
        await output.WriteLineAsync($"{records.Count} site(s).");
        return Success;
    }

    private async Task<int> CreateAsync(CliArguments options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var parameter in options.All("param"))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) problems.Add($"  --param : « {parameter} » doit avoir la forme Clé=Valeur");
            else parameters[parameter[..equals]] = parameter[(equals + 1)..];
        }
        if (problems.Count > 0)
        {
            await error.WriteLineAsync("Rien n'a été créé :");
            foreach (var problem in problems) await error.WriteLineAsync(problem);
            await error.WriteLineAsync("Exemple : tenants create --name bretagne --display-name \"Bretagne\" --recipe region");
            return BadInput;
        }

        var recipe = options["recipe"] ?? "region";
        var watch = Stopwatch.StartNew();
        var tenant = await manager.CreateAsync(
            new TenantCreation(options["name"] ?? "", options["display-name"] ?? "", recipe, options["prefix"], options.All("host"), parameters),
            cancellationToken);
        watch.Stop();
        await output.WriteLineAsync($"Site « {tenant.Name} » ({tenant.DisplayName}) créé avec la recette « {recipe} » en {watch.ElapsedMilliseconds} ms.");
        await output.WriteLineAsync($"  Adresse : {tenant.PathBase}/");
        if (tenant.Hosts.Count > 0) await output.WriteLineAsync($"  Hôtes : {string.Join(", ", tenant.Hosts)}");
        await output.WriteLineAsync($"  Modules : {string.Join(", ", tenant.Features)}");
        return Success;
    }

    private async Task<int> SetStateAsync(CliArguments options, TenantState state, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await RequiredNameAsync(options, error) is not { } name) return BadInput;
        var before = await manager.FindRecordAsync(name, cancellationToken);
        if (before?.State == state)
        {
            await output.WriteLineAsync($"Le site « {name} » est déjà {StateLabel(state)} : rien à faire.");
            return Success;
        }
        await manager.SetStateAsync(name, state, cancellationToken);
        await output.WriteLineAsync(state == TenantState.Disabled
            ? $"Site « {name} » désactivé : ses adresses répondent désormais 404 (ses données sont conservées)."
            : $"Site « {name} » réactivé : il répond de nouveau à ses adresses.");
        return Success;
    }

    private async Task<int> FeaturesAsync(CliArguments options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await RequiredNameAsync(options, error) is not { } name) return BadInput;
        if (await manager.FindRecordAsync(name, cancellationToken) is null)
            throw new TenantValidationException([("name", $"site « {name} » introuvable")]);

        // Dependants go before what they need, so "--disable Mail --disable Accounts" works in any order.
        var order = modules.Modules.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.OrdinalIgnoreCase);
        var disable = options.All("disable").OrderByDescending(id => order.GetValueOrDefault(id, -1)).ToList();
        var done = new List<string>();
        try
        {
            foreach (var id in disable)
            {
                await manager.DisableFeatureAsync(name, id, cancellationToken);
                done.Add($"désactivé : {id}");
            }
            foreach (var id in options.All("enable"))
            {
                await manager.EnableFeatureAsync(name, id, cancellationToken);
                done.Add($"activé : {id}");
            }
        }
        catch (TenantValidationException) when (done.Count > 0)
        {
            await error.WriteLineAsync($"Déjà appliqué avant l'erreur : {string.Join(" ; ", done)}.");
            throw;
        }
        foreach (var line in done) await output.WriteLineAsync($"Module {line}.");

        var record = (await manager.FindRecordAsync(name, cancellationToken))!;
        var enabled = new HashSet<string>(record.Features, StringComparer.OrdinalIgnoreCase);
        await output.WriteLineAsync($"Modules du site « {name} » :");
        foreach (var module in modules.Modules)
        {
            var mark = module.IsAlwaysEnabled ? "[socle]" : enabled.Contains(module.Id) ? "[x]" : "[ ]";
            var needs = module.Dependencies.Count > 0 ? $" (nécessite {string.Join(", ", module.Dependencies)})" : "";
            await output.WriteLineAsync($"  {mark,-7} {module.Id} — {module.Name}{needs}");
        }
        return Success;
    }

    private static async Task<string?> RequiredNameAsync(CliArguments options, TextWriter error)
    {
        if (!string.IsNullOrWhiteSpace(options["name"])) return options["name"]!.Trim();
        await error.WriteLineAsync("Rien n'a été modifié :");
        await error.WriteLineAsync("  --name : obligatoire (le nom du site, ex. bretagne ; voir « tenants list »)");
        return null;
    }

    private static string StateLabel(TenantState state) => state switch
    {
        TenantState.Running => "actif",
        TenantState.Disabled => "désactivé",
        _ => "en cours d'initialisation",
    };
}
