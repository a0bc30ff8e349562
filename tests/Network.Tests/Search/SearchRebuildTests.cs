using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.Search;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Search.Index;
using Network.Modules.Search.Indexing;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Search;

/// <summary>
/// A source the tests arm to hold a rebuild in the middle of a tenant (so what happens while it runs can be seen)
/// or to make it fail; disarmed, it contributes nothing.
/// </summary>
public sealed class GatedSearchSource : ISearchDocumentSource
{
    public enum Mode { Off, Hold, Fail }

    public Mode Armed { get; set; }
    public TaskCompletionSource Reached { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Reset(Mode mode)
    {
        Armed = mode;
        Reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public IReadOnlyList<SearchDocumentType> Types => [];

    public Task<int> CountAsync(TenantInfo tenant, IServiceProvider tenantScope, CancellationToken cancellationToken) => Task.FromResult(0);

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync(TenantInfo tenant, IServiceProvider tenantScope, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Armed == Mode.Fail) throw new InvalidOperationException("Base du site illisible (test).");
        if (Armed == Mode.Hold)
        {
            Reached.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
        yield break;
    }
}

public sealed class SearchRebuildFactory : NetworkWebFactory
{
    public GatedSearchSource Gate { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:RebuildBatchSize", "2");
        // After the content source: a held rebuild has already read the tenant's content.
        builder.ConfigureTestServices(services => services.AddSingleton<ISearchDocumentSource>(Gate));
    }
}

/// <summary>The rebuild (service, command line, admin page): recreates what the feed built, while searches keep answering.</summary>
public sealed class SearchRebuildTests(SearchRebuildFactory factory) : IClassFixture<SearchRebuildFactory>
{
    private const string Region = "hauts-de-france";
    private const string Other = "nouvelle-aquitaine";
    private const string PageUrl = "/admin/recherche";

    private SearchIndex Index => factory.Service<SearchIndex>();
    private SearchRebuildService Rebuilds => factory.Service<SearchRebuildService>();

    private async Task<(int Code, string Output, string Error)> CliAsync(params string[] args)
    {
        var command = factory.Services.GetServices<ICliCommand>().Single(c => c.Name == "search");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await command.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Published content in both regions and the hub, indexed by the feed; returns a word shared by all of it.</summary>
    private async Task<string> ContentAsync()
    {
        var word = SearchIndexingKit.Word();
        foreach (var (tenant, type) in new[] { (Region, "showcase"), (Region, "practice"), (Region, "news"), (Region, "page"), (Other, "showcase"), (Other, "news"), ("network", "news") })
            await factory.PublishedAsync(tenant, type, $"{type} {word}", word);
        foreach (var tenant in new[] { Region, Other, "network" }) await factory.DrainAsync(tenant);
        return word;
    }

    private IReadOnlyList<string> Everything(string word)
        => factory.FindFromHub(word, Region, Other).Concat(factory.Find(Region, word)).Concat(factory.Find(Other, word))
            .Select(h => $"{h.Tenant}/{h.Type}/{h.Key}/{h.Path}/{h.Title}/{string.Join(',', h.Facets)}").Order().ToList();

    private static async Task CompletedAsync(SearchRebuildStart start)
    {
        Assert.True(start.Started, start.Refusal.ToString());
        await start.Completion;
    }

    [Fact]
    public async Task Rebuilding_one_tenant_or_all_gives_back_what_the_feed_built_and_drops_what_it_should_not_hold()
    {
        var word = await ContentAsync();
        var before = Everything(word);
        // The hub's view (its news and the regions' 5 shared items: pages are never shared), then each region's own (4 and 2).
        Assert.Equal(6 + 4 + 2, before.Count);

        // Lose one of the region's documents and leave a stray one in each region.
        var lost = factory.Find(Region, word).First(h => h.Type == "showcase");
        var stray = (string tenant) => new SearchDocument { Tenant = tenant, Type = "showcase", Key = "999999", Path = "/projets/fantome", Title = $"Fantôme {word}" };
        await factory.Service<ISearchIndexWriter>().ApplyAsync([stray(Region), stray(Other)], [new SearchDocumentKey(Region, lost.Type, lost.Key)]);

        await CompletedAsync(Rebuilds.TryStart(Region));
        var progress = Rebuilds.Progress;
        Assert.Equal(SearchRebuildState.Completed, progress.State);
        Assert.Equal(Region, progress.Tenant);
        Assert.True(progress.Done >= 4, $"{progress.Done} documents");
        Assert.Equal(progress.Done, progress.Total);
        Assert.Contains(factory.Find(Region, word), h => h.Key == lost.Key);
        Assert.DoesNotContain(factory.Find(Region, word), h => h.Key == "999999");
        // Only that tenant was rebuilt: the other region's stray document is still there.
        Assert.Contains(factory.Find(Other, word), h => h.Key == "999999");

        await CompletedAsync(Rebuilds.TryStart(null));
        Assert.Null(Rebuilds.Progress.Tenant);
        Assert.Equal(before, Everything(word));
        Assert.Equal(Index.Count, Rebuilds.Progress.Done);
    }

    [Fact]
    public async Task Searches_answer_from_the_current_index_while_a_rebuild_runs_and_a_second_rebuild_is_refused()
    {
        var word = await ContentAsync();
        var before = Everything(word);
        factory.Gate.Reset(GatedSearchSource.Mode.Hold);
        try
        {
            var start = Rebuilds.TryStart(null);
            Assert.True(start.Started);
            await factory.Gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var progress = Rebuilds.Progress;
            Assert.Equal(SearchRebuildState.Running, progress.State);
            Assert.NotNull(progress.CurrentTenant);
            Assert.True(progress.Total >= 7);
            Assert.Equal(before, Everything(word));

            // A change published meanwhile is searchable at once and survives the swap.
            var late = SearchIndexingKit.Word();
            await factory.PublishedAsync(Other, "practice", $"Pendant {late}", late);
            await factory.DrainAsync(Other);
            Assert.Single(factory.Find(Other, late));

            Assert.Equal(SearchRebuildRefusal.AlreadyRunning, Rebuilds.TryStart(Region).Refusal);
            var (code, _, error) = await CliAsync("rebuild");
            Assert.Equal(1, code);
            Assert.Contains("déjà en cours", error);

            // The admin page shows the progress and reloads itself (no script), and offers no second rebuild.
            var admin = await TestSignIn.ClientAsync(factory, "admin@reseau.test", administrator: true);
            var document = await admin.GetDocumentAsync(PageUrl);
            Assert.Equal("2", document.QuerySelector("head meta[http-equiv=refresh]")?.GetAttribute("content"));
            Assert.Contains("Reconstruction en cours", document.QuerySelector("#reconstruction")!.TextContent);
            Assert.Contains("documents sur", document.QuerySelector("#reconstruction")!.TextContent);
            Assert.Null(document.QuerySelector("form#reconstruire"));

            factory.Gate.Release.SetResult();
            await start.Completion;
            Assert.Equal(SearchRebuildState.Completed, Rebuilds.Progress.State);
            Assert.Single(factory.Find(Other, late));
            Assert.Equal(before, Everything(word));
        }
        finally
        {
            factory.Gate.Release.TrySetResult();
            factory.Gate.Reset(GatedSearchSource.Mode.Off);
        }
    }

    [Fact]
    public async Task A_cancelled_rebuild_is_abandoned_and_the_current_index_stays()
    {
        var word = await ContentAsync();
        var before = Everything(word);
        factory.Gate.Reset(GatedSearchSource.Mode.Hold);
        using var stopping = new CancellationTokenSource();
        try
        {
            var start = Rebuilds.TryStart(null, stopping.Token);
            await factory.Gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await stopping.CancelAsync();
            await start.Completion;
            Assert.Equal(SearchRebuildState.Cancelled, Rebuilds.Progress.State);
            Assert.NotNull(Rebuilds.Progress.FinishedUtc);
            Assert.Equal(before, Everything(word));
        }
        finally
        {
            factory.Gate.Release.TrySetResult();
            factory.Gate.Reset(GatedSearchSource.Mode.Off);
        }
        // Nothing is left behind that would refuse the next one.
        await CompletedAsync(Rebuilds.TryStart(Region));
    }

    [Fact]
    public async Task A_failed_rebuild_leaves_the_current_index_and_records_its_error()
    {
        var word = await ContentAsync();
        var before = Everything(word);
        var count = Index.Count;
        factory.Gate.Reset(GatedSearchSource.Mode.Fail);
        try
        {
            var (code, output, error) = await CliAsync("rebuild", "--tenant", Other);
            Assert.Equal(1, code);
            Assert.Contains("Base du site illisible (test).", error);
            Assert.Contains("L'index précédent reste en service.", error);
            Assert.Contains("Reconstruction de l'index de recherche du site nouvelle-aquitaine", output);
            Assert.Equal(SearchRebuildState.Failed, Rebuilds.Progress.State);
            Assert.Equal(before, Everything(word));
            Assert.Equal(count, Index.Count);

            var admin = await TestSignIn.ClientAsync(factory, "admin@reseau.test", administrator: true);
            var text = (await admin.GetDocumentAsync(PageUrl)).QuerySelector("#reconstruction")!.TextContent;
            Assert.Contains("n'a pas abouti", text);
            Assert.Contains("Base du site illisible (test).", text);
        }
        finally
        {
            factory.Gate.Reset(GatedSearchSource.Mode.Off);
        }
        // The next rebuild works again.
        Assert.Equal(0, (await CliAsync("rebuild", "--tenant", Other)).Code);
    }

    [Fact]
    public async Task The_command_prints_progress_and_a_summary()
    {
        await ContentAsync();
        var (code, output, error) = await CliAsync("rebuild", "--tenant", Region);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Reconstruction de l'index de recherche du site hauts-de-france…", output);
        Assert.Matches(@"\d+ / \d+ documents \(\d+ %\) · .+ · \d+ documents/s · reste \d+:\d\d:\d\d", output);
        Assert.Matches(@"Terminé : \d+ documents indexés en [\d.]+ s \(\d+ documents/s\)\.", output);

        (code, output, _) = await CliAsync("rebuild");
        Assert.Equal(0, code);
        Assert.Contains("de tous les sites", output);
    }

    [Theory]
    [InlineData(new string[0], "Indiquez une action")]
    [InlineData(new[] { "reconstruire" }, "Action inconnue « reconstruire »")]
    [InlineData(new[] { "rebuild", "--tenant", "atlantide" }, "Aucun site en service ne s'appelle « atlantide »")]
    [InlineData(new[] { "rebuild", "--tenant" }, "Indiquez le nom du site après --tenant")]
    [InlineData(new[] { "rebuild", "--site", "hauts-de-france" }, "Argument inconnu pour « search rebuild » : --site")]
    [InlineData(new[] { "rebuild", "tout" }, "Argument inconnu pour « search rebuild » : « tout »")]
    public async Task Bad_input_exits_with_2_a_french_message_on_stderr_and_starts_nothing(string[] args, string message)
    {
        var before = Rebuilds.Progress;
        var (code, output, error) = await CliAsync(args);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.Equal("", output);
        Assert.Same(before, Rebuilds.Progress);
    }

    [Fact]
    public async Task Only_the_network_administrator_opens_the_page_and_only_on_the_hub()
    {
        var anonymous = await factory.CreateBrowserClient().GetAsync(PageUrl);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/compte/connexion", anonymous.Headers.Location!.OriginalString);

        var coordinator = await factory.CreateAccountAsync("coordination-hub@exemple.fr");
        await factory.GrantAsync(coordinator.Id, "network", NetworkRoles.Coordinator);
        var client = await TestSignIn.ClientAsync(factory, "coordination-hub@exemple.fr", administrator: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(PageUrl)).StatusCode);
        var post = await client.PostAsync(PageUrl, new FormUrlEncodedContent([new("site", "")]));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, post.StatusCode.ToString());

        var admin = await TestSignIn.ClientAsync(factory, "admin@reseau.test", administrator: true);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/hauts-de-france" + PageUrl)).StatusCode);
    }

    [Fact]
    public async Task The_admin_menu_offers_the_page_to_administrators_on_the_hub_only()
    {
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "a"), new Claim(ClaimTypes.Role, NetworkRoles.Administrator)], "test", ClaimTypes.Name, ClaimTypes.Role));
        var someone = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "c"), new Claim(ClaimTypes.NameIdentifier, "inconnu")], "test"));
        Assert.Contains(await MenuAsync(admin, "network"), i => i.Path == PageUrl);
        Assert.DoesNotContain(await MenuAsync(admin, Region), i => i.Path == PageUrl);
        Assert.DoesNotContain(await MenuAsync(someone, "network"), i => i.Path == PageUrl);
    }

    private async Task<IReadOnlyList<AdminMenuItem>> MenuAsync(ClaimsPrincipal user, string tenantName)
    {
        var tenant = factory.Tenant(tenantName);
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<IAdminMenu>().BuildAsync(user, tenant);
    }

    [Fact]
    public async Task The_administrator_rebuilds_a_region_from_the_page_and_sees_the_result()
    {
        await ContentAsync();
        var admin = await TestSignIn.ClientAsync(factory, "admin@reseau.test", administrator: true);
        var document = await admin.GetDocumentAsync(PageUrl);
        Assert.NotNull(document.QuerySelector($"#table-index tr[data-site={Region}]"));
        Assert.Contains("documents indexés", document.QuerySelector("#statistiques-index")!.TextContent);
        Assert.Contains(document.QuerySelectorAll("#site option"), o => o.GetAttribute("value") == Other);

        var response = await admin.SubmitFormAsync(PageUrl, "#reconstruire", new Dictionary<string, string> { ["site"] = Region });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PageUrl, response.Headers.Location!.OriginalString);
        for (var attempt = 0; attempt < 300 && Rebuilds.Progress.IsRunning; attempt++) await Task.Delay(100);
        Assert.Equal((SearchRebuildState.Completed, Region), (Rebuilds.Progress.State, Rebuilds.Progress.Tenant));

        document = await admin.GetDocumentAsync(PageUrl);
        Assert.Contains("Reconstruction de l'index de Hauts-de-France lancée.", document.QuerySelector(".fr-alert--success")!.TextContent);
        Assert.Contains("Dernière reconstruction (Hauts-de-France) terminée", document.QuerySelector("#reconstruction")!.TextContent);
        Assert.Null(document.QuerySelector("head meta[http-equiv=refresh]"));
    }

    [Theory]
    [InlineData("atlantide")]
    [InlineData("../network")]
    [InlineData("HAUTS-DE-FRANCE")]
    public async Task A_forged_region_is_refused_and_starts_nothing(string site)
    {
        var admin = await TestSignIn.ClientAsync(factory, "admin@reseau.test", administrator: true);
        var before = Rebuilds.Progress;
        var response = await admin.SubmitFormAsync(PageUrl, "#reconstruire", new Dictionary<string, string> { ["site"] = site });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Choisissez une région de la liste", document.QuerySelector("#site-messages")!.TextContent);
        Assert.Same(before, Rebuilds.Progress);

        // Without the form's antiforgery token nothing is accepted either.
        var forged = await admin.PostAsync(PageUrl, new FormUrlEncodedContent([new("site", Region)]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Same(before, Rebuilds.Progress);
    }
}
