using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Data;
using Network.Modules.Search.Index;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Search;

/// <summary>
/// An item committed while the index could not be written (its folder is a plain file, so every
/// index write throws) stays in the durable change feed with the "search-index"
/// cursor behind it; a restart on the same data folder catches it up in the start-up sweep, without any help.
/// This is the crash between commit and indexing: the feed row committed with the item, the cursor did not move.
/// </summary>
public sealed class SearchCrashRecoveryTests : IDisposable
{
    private const string Region = "hauts-de-france";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "reseau-tests", "search-crash-" + Guid.NewGuid().ToString("N"));

    private NetworkWebFactory Host(string indexFolder)
    {
        var factory = new NetworkWebFactory();
        factory.Settings["Network:DataPath"] = _data;
        factory.Settings["Search:IndexFolder"] = indexFolder;
        return factory;
    }

    [Fact]
    public async Task An_item_committed_while_indexing_failed_is_found_after_a_restart()
    {
        Directory.CreateDirectory(_data);
        var broken = Path.Combine(_data, "index-en-panne");
        await File.WriteAllTextAsync(broken, "pas un dossier");
        var word = SearchIndexingKit.Word();
        long lastChange;
        using (var first = Host(broken))
        {
            var item = await first.PublishedAsync(Region, "showcase", $"Rescapé {word}", SearchIndexingKit.Word());
            // The indexing pass fails (and is logged); the other consumers go on, the search cursor stays behind.
            await Assert.ThrowsAnyAsync<Exception>(() => first.DrainAsync(Region));
            (lastChange, var cursor, var hubCursor) = await first.InTenantAsync(Region, async sp =>
            {
                var db = sp.GetRequiredService<ContentDbContext>();
                var last = await db.Changes.MaxAsync(c => c.Id);
                var cursors = await db.ChangeCursors.AsNoTracking().ToDictionaryAsync(c => c.Consumer, c => c.LastChangeId);
                return (last, cursors.GetValueOrDefault("search-index"), cursors.GetValueOrDefault("hub-share"));
            });
            Assert.True(cursor < lastChange, $"search cursor {cursor} should be behind the last change {lastChange}");
            Assert.NotNull(await first.HubCopyAsync(Region, item.Id));
        }

        // Restart on the same data with a working index folder: the start-up sweep applies the pending change.
        using var second = Host(Path.Combine(_data, "search"));
        _ = second.Server;
        var index = second.Service<SearchIndex>();
        for (var attempt = 0; attempt < 300 && second.Find(Region, word).Count == 0; attempt++) await Task.Delay(100);
        Assert.Single(second.Find(Region, word));
        var searchCursor = await second.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().ChangeCursors.AsNoTracking()
            .Where(c => c.Consumer == "search-index").Select(c => c.LastChangeId).SingleAsync());
        Assert.True(searchCursor >= lastChange);
        Assert.True(index.Count >= 1);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
