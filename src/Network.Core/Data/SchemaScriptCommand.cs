using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.Tenancy;

namespace Network.Core.Data;

/// <summary>
/// <c>schema-script [Context] [--migration Name]</c>: prints the CREATE script of each module context's
/// current model, or an initial migration class for one context. The EF design-time package is not
/// served here, so migrations are written from this output (later ones by hand, as ALTER statements).
/// </summary>
public sealed partial class SchemaScriptCommand(ModuleCatalog modules, IDatabaseProvider provider) : ICliCommand
{
    public string Name => "schema-script";

    public bool NeedsStartup => false;

    public string Usage => "schema-script [NomDuContexte] [--migration NomDeMigration]   script SQL du modèle courant (ou classe de migration initiale)";

    public Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = new CliArguments(args);
        var contexts = new[] { typeof(TenantsDbContext) }
            .Concat(modules.Modules.SelectMany(m => m.HostDbContexts.Concat(m.TenantDbContexts)))
            .Where(t => options.Positional.Count == 0 || t.Name == options.Positional[0]).ToList();
        if (contexts.Count == 0)
        {
            error.WriteLine("Contexte inconnu.");
            return Task.FromResult(2);
        }
        foreach (var type in contexts)
        {
            var script = CreateScript(type);
            if (options["migration"] is { } migration) output.WriteLine(MigrationClass(type, migration, script));
            else output.WriteLine($"-- {type.FullName}\n{script}");
        }
        return Task.FromResult(0);
    }

    private string CreateScript(Type type)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        provider.Configure(builder, connection, type);
        using var context = (DbContext)Activator.CreateInstance(type, builder.Options)!;
        return BlankLines().Replace(context.Database.GenerateCreateScript().Trim(), "\n\n");
    }

    private static string MigrationClass(Type context, string name, string script)
    {
        var tables = TableNames().Matches(script).Select(m => m.Groups[1].Value).Reverse();
        var id = $"{DateTime.UtcNow:yyyyMMddHHmmss}_{name}";
        var text = new StringBuilder();
        text.AppendLine("using Microsoft.EntityFrameworkCore.Infrastructure;");
        text.AppendLine("using Microsoft.EntityFrameworkCore.Migrations;");
        text.AppendLine();
        text.AppendLine($"namespace {context.Namespace}.Migrations;");
        text.AppendLine();
        text.AppendLine($"[DbContext(typeof({context.FullName}))]");
        text.AppendLine($"[Migration(\"{id}\")]");
        text.AppendLine($"public sealed class {name} : Migration");
        text.AppendLine("{");
        text.AppendLine("    protected override void Up(MigrationBuilder migrationBuilder)");
        text.AppendLine("    {");
        text.AppendLine("        migrationBuilder.Sql(\"\"\"");
        foreach (var line in script.Split('\n')) text.AppendLine(line.Length == 0 ? "" : "            " + line);
        text.AppendLine("            \"\"\");");
        text.AppendLine("    }");
        text.AppendLine();
        text.AppendLine("    protected override void Down(MigrationBuilder migrationBuilder)");
        text.AppendLine("    {");
        foreach (var table in tables) text.AppendLine($"        migrationBuilder.DropTable(\"{table}\");");
        text.AppendLine("    }");
        text.AppendLine("}");
        return text.ToString();
    }

    [GeneratedRegex("\n{3,}")]
    private static partial Regex BlankLines();

    [GeneratedRegex("CREATE TABLE \"([^\"]+)\"")]
    private static partial Regex TableNames();
}
