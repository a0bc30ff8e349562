using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Hosting;
using Network.Core.Tenancy;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Showcases.Data;

namespace Network.Modules.Showcases.Services;

/// <summary>
/// <c>showcases-bench seed --tenant &lt;name&gt; --count &lt;n&gt;</c>: creates n published showcases through the real
/// store (revisions, facets, change feed), for the page benchmark (bench/showcases.sh). Not for real sites.
/// </summary>
public sealed class ShowcaseBenchSeedCommand(TenantCatalog catalog, TenantScopeFactory scopes, TenantActivator activator, ShowcaseType type) : ICliCommand
{
    public string Name => "showcases-bench";

    public string Usage => "showcases-bench seed --tenant <nom> --count <n>   (banc d'essai) crée n projets publiés fictifs";

    private static readonly string[] Domains = ["monuments-historiques", "musees", "archives", "bibliotheques-et-lecture", "archeologie", "architecture", "inventaire", "spectacle-vivant", "arts-visuels", "cinema-et-audiovisuel", "musique", "education-artistique-et-culturelle"];
    private static readonly string[] Technologies = ["numerisation-2d", "numerisation-3d", "realite-augmentee", "realite-virtuelle", "application-mobile", "data-visualisation", "video-interactive", "intelligence-artificielle", "reconnaissance-d-ecriture-manuscrite", "jumeau-numerique", "billetterie", "portail-et-base-de-donnees"];
    private static readonly string[] Programmes = ["PNV", "ADNI", "Services numériques innovants", "Cultures connectées"];
    private static readonly string[] Places = ["Lille", "Amiens", "Arras", "Beauvais", "Laon", "Calais", "Valenciennes", "Compiègne"];

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? tenantName = null;
        var count = 0;
        for (var i = 1; i + 1 < args.Count; i += 2)
        {
            if (args[i] == "--tenant") tenantName = args[i + 1];
            else if (args[i] == "--count") int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out count);
        }
        if (args.Count == 0 || args[0] != "seed" || tenantName is null || count <= 0 || count > 100_000)
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
        var watch = Stopwatch.StartNew();
        const int batch = 100;
        for (var start = 0; start < count; start += batch)
        {
            await using var scope = scopes.CreateScope(tenant);
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            for (var n = start; n < Math.Min(count, start + batch); n++)
            {
                var created = await store.CreateAsync(type, Edit(n), ContentActor.System, cancellationToken);
                if (!created.Succeeded)
                {
                    await error.WriteLineAsync($"Projet {n} refusé : {string.Join(" ", created.Errors.Select(e => e.Message))}");
                    return 1;
                }
                var published = await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentActor.System, cancellationToken: cancellationToken);
                if (!published.Succeeded)
                {
                    await error.WriteLineAsync($"Projet {n} non publié : {string.Join(" ", published.Errors.Select(e => e.Message))}");
                    return 1;
                }
            }
        }
        await output.WriteLineAsync($"{count} projets publiés dans {tenant.Name} en {watch.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    private static ContentEdit Edit(int n)
    {
        var place = Places[n % Places.Length];
        var programme = Programmes[n % Programmes.Length];
        var fields = new ShowcaseFields
        {
            Description = $"""
                ## Le projet

                Ce projet fictif n° {n} sert au banc d'essai des pages. Il décrit la numérisation d'un fonds patrimonial à {place},
                sa mise en ligne sur un portail ouvert et sa médiation auprès des publics scolaires.

                ## Déroulement

                1. Inventaire et préparation des documents ;
                2. prises de vue et contrôle qualité ;
                3. mise en ligne et **médiation**.

                Plus d'informations sur [le site du ministère](https://www.culture.gouv.fr/).
                """,
            LeadOrganisation = $"Structure porteuse {n % 50}",
            Partners = [new ShowcasePartner("Archives départementales", "Prêt des fonds"), new ShowcasePartner("Université partenaire", "Recherche")],
            ContactName = "Camille Martin",
            ContactEmail = "contact@exemple.fr",
            ShowContact = n % 2 == 0,
            Department = (59 + n % 3).ToString(CultureInfo.InvariantCulture),
            Commune = place,
            Domains = [Domains[n % Domains.Length], Domains[(n / 3 + 5) % Domains.Length]],
            Technologies = [Technologies[n % Technologies.Length], Technologies[(n / 7 + 3) % Technologies.Length]],
            Audiences = ["grand public", "scolaires"],
            Maturity = (ShowcaseMaturity)(n % 5),
            StartDate = new DateOnly(2018 + n % 8, 1 + n % 12, 1),
            EndDate = new DateOnly(2019 + n % 8, 1 + n % 12, 28),
            Programme = programme,
            Call = $"Appel à projets {programme} {2018 + n % 8}",
            Year = 2018 + n % 8,
            AmountGranted = 10_000 + n % 40 * 1_000,
            TotalBudget = 60_000 + n % 40 * 2_000,
            CoFunders = ["Région", "Département"],
            Outcomes = "- 1 200 documents numérisés\n- 15 classes accueillies",
            LessonsLearned = "Prévoir le temps de préparation des documents.",
            Links = [new ShowcaseLink("website", "Site du projet", "https://www.exemple.fr/projet")],
            AccessibilityNotes = "Sous-titres et transcriptions disponibles.",
            EcoDesignNotes = "Images compressées, pages légères.",
        };
        return new ContentEdit(
            $"Projet de démonstration {n + 1:D4} : fonds patrimonial de {place}",
            null,
            $"Numérisation et médiation d'un fonds patrimonial de {place}, financées par {programme} ({n + 1}).",
            true,
            fields);
    }
}
