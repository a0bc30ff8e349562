using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Network.Core.Search;
using SQLitePCL;

namespace Network.Modules.Search.Index;

/// <summary>A document with its analysed terms, ready to be written (analysis runs before the writer's turn, in parallel).</summary>
internal sealed record AnalyzedDocument(SearchDocument Document, string TitleTerms, string TextTerms);

/// <summary>
/// One index database: the <c>docs</c> table (original text for snippets, metadata), the contentless FTS5 table
/// <c>terms</c> of pre-analysed terms (column <c>title</c>, column <c>text</c> = summary + body; rowid = docs.id) and its
/// vocabulary view, the writer connection and a pool of reader connections. All connections are unpooled so that
/// closing them really closes the file (the rebuild swaps files by renaming).
/// </summary>
internal sealed class IndexFile : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS docs(
            id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, type TEXT NOT NULL, key TEXT NOT NULL, path TEXT NOT NULL,
            title TEXT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL, date INTEGER NOT NULL, language TEXT NOT NULL,
            shared INTEGER NOT NULL, facets TEXT NOT NULL, UNIQUE(tenant, type, key));
        CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5(title, text, content='', contentless_delete=1, tokenize='ascii', detail='full');
        CREATE VIRTUAL TABLE IF NOT EXISTS terms_vocab USING fts5vocab(terms, 'row');
        """;

    /// <summary>
    /// FTS5 flushes its pending terms into a new segment at every commit and whenever they exceed this many bytes (1 MB
    /// by default): at 8 MB, a batch of a thousand documents becomes one segment instead of three, so less merging.
    /// </summary>
    private const int LiveHashSize = 8 << 20;

    /// <summary>
    /// A staging file's pending terms: a 100,000-document load becomes a hundred segments (automerge off) merged once at
    /// the end by <c>optimize</c>, which measured no more CPU than a dozen larger ones with 24 MB; the hash is native
    /// memory held for the length of the load, counted in the process's peak.
    /// </summary>
    private const int StagingHashSize = 4 << 20;

    /// <summary>FTS5's default: merges start once four segments share a level.</summary>
    private const int LiveAutomerge = 4;

    private readonly SqliteConnection _writer;
    private readonly SqliteCommand _updateDoc, _deleteDoc, _deleteTerms;

    // The two statements every new document runs, stepped through SQLitePCL with the text bound from the strings in
    // place (ADO.NET copies each value into a new UTF-8 array first: about 10 KB of garbage a document).
    private readonly sqlite3_stmt _insertDoc, _insertTerms;
    private readonly ConcurrentBag<ReadConnection> _readers = [];
    private readonly bool _staging;
    private SqliteTransaction? _open;
    private bool _broken;
    private volatile bool _disposed;

    public string Path { get; }

    public DocumentTable Table { get; }

    private IndexFile(string path, DocumentTable? table, bool staging)
    {
        Path = path;
        _staging = staging;
        _writer = new SqliteConnection(ConnectionString(path, readOnly: false));
        _writer.Open();
        if (staging)
        {
            // A staging file is deleted rather than recovered when anything goes wrong before it is swapped in (and
            // fsynced once, then): no journal to write twice, no sync, a larger page cache for the long transaction.
            Execute(_writer, "PRAGMA journal_mode=OFF");
            Execute(_writer, "PRAGMA synchronous=OFF");
            Execute(_writer, "PRAGMA cache_size=-8192");
        }
        else
        {
            Execute(_writer, "PRAGMA journal_mode=WAL");
            Execute(_writer, "PRAGMA synchronous=FULL");
        }
        Execute(_writer, Schema);
        Configure(staging ? StagingHashSize : LiveHashSize, staging ? 0 : LiveAutomerge);
        _insertDoc = Prepare("INSERT INTO docs(tenant, type, key, path, title, summary, body, date, language, shared, facets) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        _updateDoc = Command("UPDATE docs SET path = $path, title = $title, summary = $summary, body = $body, date = $date, language = $language, shared = $shared, facets = $facets WHERE id = $id",
            "$id", "$path", "$title", "$summary", "$body", "$date", "$language", "$shared", "$facets");
        _deleteDoc = Command("DELETE FROM docs WHERE id = $id", "$id");
        _insertTerms = Prepare("INSERT INTO terms(rowid, title, text) VALUES(?1, ?2, ?3)");
        _deleteTerms = Command("DELETE FROM terms WHERE rowid = $id", "$id");
        Table = table ?? Load();
    }

    /// <summary>Opens (creating if needed) the live index at <paramref name="path"/>, loading its document table unless one is given.</summary>
    public static IndexFile Open(string path, DocumentTable? table = null) => new(path, table, staging: false);

    /// <summary>
    /// Opens a rebuild's staging file: no journal nor sync, and one transaction from the first write to
    /// <see cref="CloseClean"/> (FTS5 then writes few large segments and merges them once).
    /// </summary>
    public static IndexFile OpenStaging(string path) => new(path, null, staging: true);

    /// <summary>FTS5's pending-terms size and automerge level (kept in the file's FTS5 configuration; written when they differ).</summary>
    private void Configure(int hashSize, int automerge)
    {
        var current = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var read = _writer.CreateCommand())
        {
            read.CommandText = "SELECT k, v FROM terms_config WHERE k IN ('hashsize', 'automerge')";
            using var reader = read.ExecuteReader();
            while (reader.Read()) current[reader.GetString(0)] = reader.GetInt64(1);
        }
        foreach (var (name, value) in new[] { ("hashsize", (long)hashSize), ("automerge", automerge) })
        {
            if (current.TryGetValue(name, out var set) ? set == value : name == "automerge" && value == LiveAutomerge) continue;
            using var command = _writer.CreateCommand();
            command.CommandText = "INSERT INTO terms(terms, rank) VALUES($name, $value)";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$value", value);
            command.ExecuteNonQuery();
        }
    }

    private static string ConnectionString(string path, bool readOnly) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        Cache = SqliteCacheMode.Private,
    }.ToString();

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _writer.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, null));
        return command;
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var db = _writer.Handle!;
        if (raw.sqlite3_prepare_v2(db, sql, out var statement) != raw.SQLITE_OK) throw Error(db);
        return statement;
    }

    /// <summary>Runs a prepared insert to its end and readies it for the next row.</summary>
    private void Step(sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE) throw Error(_writer.Handle!);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Execute(string sql)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _open;
        command.ExecuteNonQuery();
    }

    private DocumentTable Load()
    {
        var table = new DocumentTable();
        using var command = _writer.CreateCommand();
        command.CommandText = "SELECT id, tenant, type, key, date, shared, facets FROM docs";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            table.Set(reader.GetInt64(0), new SearchDocument
            {
                Tenant = reader.GetString(1), Type = reader.GetString(2), Key = reader.GetString(3), Path = "", Title = "",
                DateUtc = new DateTime(reader.GetInt64(4), DateTimeKind.Utc), Shared = reader.GetInt64(5) != 0,
                Facets = ReadFacets(reader.GetString(6)),
            });
        }
        return table;
    }

    /// <summary>
    /// A stored document's facets, as <see cref="Write"/> serialised them (an array of objects with Facet, Value and
    /// Label): read token by token (ten hits a search; the reflection serializer took a few microseconds each), anything
    /// else handed to the serializer, so the result is the serializer's either way.
    /// </summary>
    public static IReadOnlyList<SearchFacetValue> ReadFacets(string json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return Deserialize(json);
        var facets = new List<SearchFacetValue>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? facet = null, value = null, label = null;
            int seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueTextEquals("Facet"u8) ? 1 : reader.ValueTextEquals("Value"u8) ? 2 : reader.ValueTextEquals("Label"u8) ? 4 : 0;
                if (field == 0 || (seen & field) != 0 || !reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null)) return Deserialize(json);
                seen |= field;
                var text = reader.GetString();
                if (field == 1) facet = text;
                else if (field == 2) value = text;
                else label = text;
            }
            if (reader.TokenType != JsonTokenType.EndObject) return Deserialize(json);
            facets.Add(new SearchFacetValue(facet!, value!, label!));
        }
        if (reader.TokenType != JsonTokenType.EndArray || reader.Read()) return Deserialize(json);
        return facets.ToArray();

        static SearchFacetValue[] Deserialize(string json) => JsonSerializer.Deserialize<SearchFacetValue[]>(json) ?? [];
    }

    /// <summary>
    /// Writes removals then upserts in one transaction (committed when this returns; a staging file's stays open until
    /// <see cref="CloseClean"/>) and returns the changes for the document table, to be applied by the caller (under its
    /// lock when searches read the table).
    /// </summary>
    public List<TableChange> Write(IEnumerable<AnalyzedDocument> upserts, IReadOnlyList<SearchDocumentKey> removals)
    {
        if (_broken) throw new InvalidOperationException("A write to this staging index failed: the rebuild cannot complete.");
        var transaction = _open ?? _writer.BeginTransaction();
        if (!_staging)
        {
            using (transaction)
            {
                var written = WriteIn(transaction, upserts, removals);
                transaction.Commit();
                return written;
            }
        }
        _open = transaction;
        try
        {
            return WriteIn(transaction, upserts, removals);
        }
        catch
        {
            // Without a journal nothing can be rolled back: the staging file is only good for deleting now.
            _broken = true;
            throw;
        }
    }

    private List<TableChange> WriteIn(SqliteTransaction transaction, IEnumerable<AnalyzedDocument> upserts, IReadOnlyList<SearchDocumentKey> removals)
    {
        var changes = new List<TableChange>(removals.Count + 16);
        // Ids decided in this batch, so a key written twice in one batch stays one document.
        var pending = new Dictionary<SearchDocumentKey, long?>();
        foreach (var command in new[] { _updateDoc, _deleteDoc, _deleteTerms }) command.Transaction = transaction;
        foreach (var key in removals)
        {
            if (!TryGetId(key, pending, out var id)) continue;
            Run(_deleteTerms, id);
            Run(_deleteDoc, id);
            pending[key] = null;
            changes.Add(new TableChange(id, null));
        }
        foreach (var analyzed in upserts)
        {
            var document = analyzed.Document;
            var facets = JsonSerializer.Serialize(document.Facets);
            var date = document.DateUtc.Kind == DateTimeKind.Local ? document.DateUtc.ToUniversalTime().Ticks : document.DateUtc.Ticks;
            long id;
            if (TryGetId(document.Id, pending, out id))
            {
                Set(_updateDoc, id, document.Path ?? "", document.Title ?? "", document.Summary ?? "", document.Body ?? "", date, document.Language ?? "fr", document.Shared ? 1 : 0, facets);
                _updateDoc.ExecuteNonQuery();
                Run(_deleteTerms, id);
            }
            else
            {
                BindText(_insertDoc, 1, document.Tenant);
                BindText(_insertDoc, 2, document.Type);
                BindText(_insertDoc, 3, document.Key);
                BindText(_insertDoc, 4, document.Path);
                BindText(_insertDoc, 5, document.Title);
                BindText(_insertDoc, 6, document.Summary);
                BindText(_insertDoc, 7, document.Body);
                raw.sqlite3_bind_int64(_insertDoc, 8, date);
                BindText(_insertDoc, 9, document.Language ?? "fr");
                raw.sqlite3_bind_int64(_insertDoc, 10, document.Shared ? 1 : 0);
                BindText(_insertDoc, 11, facets);
                // Not RETURNING: that opens a statement savepoint, at which FTS5 flushes its pending terms into a new
                // segment, so every document became a segment to merge (five times the writer's time).
                Step(_insertDoc);
                id = raw.sqlite3_last_insert_rowid(_writer.Handle!);
            }
            raw.sqlite3_bind_int64(_insertTerms, 1, id);
            BindText(_insertTerms, 2, analyzed.TitleTerms);
            BindText(_insertTerms, 3, analyzed.TextTerms);
            Step(_insertTerms);
            pending[document.Id] = id;
            changes.Add(new TableChange(id, document));
        }
        return changes;
    }

    private bool TryGetId(SearchDocumentKey key, Dictionary<SearchDocumentKey, long?> pending, out long id)
    {
        if (pending.TryGetValue(key, out var decided))
        {
            id = decided ?? 0;
            return decided.HasValue;
        }
        return Table.TryGetId(key, out id);
    }

    private static void BindText(sqlite3_stmt statement, int index, string? value)
    {
        if (raw.sqlite3_bind_text16(statement, index, (value ?? "").AsSpan()) != raw.SQLITE_OK)
            throw new SqliteException("Could not bind a search index value.", raw.SQLITE_ERROR);
    }

    private static void Run(SqliteCommand command, long id)
    {
        command.Parameters[0].Value = id;
        command.ExecuteNonQuery();
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
    }

    /// <summary>Applies written changes to the document table.</summary>
    public void ApplyToTable(List<TableChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.Document is null) Table.Remove(change.Id);
            else Table.Set(change.Id, change.Document);
        }
    }

    /// <summary>Removes every document of these tenants (a tenant rebuild starts from a copy without them).</summary>
    public void RemoveTenants(IReadOnlyCollection<string> tenants)
    {
        var keys = new List<SearchDocumentKey>();
        using (var command = _writer.CreateCommand())
        {
            command.CommandText = "SELECT tenant, type, key FROM docs WHERE tenant = $tenant";
            var parameter = command.Parameters.Add(new SqliteParameter("$tenant", null));
            foreach (var tenant in tenants)
            {
                parameter.Value = tenant;
                using var reader = command.ExecuteReader();
                while (reader.Read()) keys.Add(new SearchDocumentKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        ApplyToTable(Write([], keys));
    }

    /// <summary>A consistent copy of this index into <paramref name="path"/> (VACUUM INTO).</summary>
    public void CopyTo(string path)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = "VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", path);
        command.ExecuteNonQuery();
    }

    public long FileSize
    {
        get
        {
            long size = 0;
            foreach (var suffix in new[] { "", "-wal" })
            {
                var file = new FileInfo(Path + suffix);
                if (file.Exists) size += file.Length;
            }
            return size;
        }
    }

    public ReadConnection Rent()
    {
        if (_readers.TryTake(out var reader)) return reader;
        return new ReadConnection(ConnectionString(Path, readOnly: true));
    }

    public void Return(ReadConnection reader)
    {
        if (_disposed) reader.Dispose();
        else _readers.Add(reader);
        // A file disposed while the reader was out: drop what was returned meanwhile.
        if (_disposed) while (_readers.TryTake(out var other)) other.Dispose();
    }

    /// <summary>FTS5's row count and token total over all columns (its averages record), for BM25.</summary>
    public (long Rows, long Tokens) ReadTotals()
    {
        long rows = 0, tokens = 0;
        ReadBlobs("SELECT block FROM terms_data WHERE id = 1", (_, blob) =>
        {
            var at = 0;
            rows = (long)Varint(blob, ref at);
            while (at < blob.Length) tokens += (long)Varint(blob, ref at);
        });
        return (rows, tokens);
    }

    /// <summary>Every row's token count over all columns (FTS5's docsize, BM25's document length).</summary>
    public void ReadDocumentSizes(Action<long, int> onDocument)
        => ReadBlobs("SELECT id, sz FROM terms_docsize", (id, blob) =>
        {
            var at = 0;
            long size = 0;
            while (at < blob.Length) size += (long)Varint(blob, ref at);
            onDocument(id, (int)Math.Min(size, int.MaxValue));
        });

    /// <summary>Every term of the index with the number of documents holding it.</summary>
    public void ReadVocabulary(Action<string, int> onTerm)
    {
        var db = _writer.Handle!;
        if (raw.sqlite3_prepare_v2(db, "SELECT term, doc FROM terms_vocab", out var statement) != raw.SQLITE_OK) throw Error(db);
        using (statement)
        {
            while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
                onTerm(raw.sqlite3_column_text(statement, 0).utf8_to_string() ?? "", raw.sqlite3_column_int(statement, 1));
        }
    }

    /// <summary>Every occurrence of <paramref name="term"/>: its rowid (ascending) and whether it is in the title column.</summary>
    public void ReadInstances(string term, Action<long, bool> onInstance)
    {
        var db = _writer.Handle!;
        Execute(_writer, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms_instances USING fts5vocab(main, terms, instance)");
        if (raw.sqlite3_prepare_v2(db, "SELECT doc, col FROM temp.terms_instances WHERE term = ?1", out var statement) != raw.SQLITE_OK) throw Error(db);
        using (statement)
        {
            raw.sqlite3_bind_text(statement, 1, term);
            while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
                onInstance(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_bytes(statement, 1) == 5); // "title", not "text"
        }
    }

    /// <summary>Receives one occurrence of a term: the term's UTF-8 bytes, its rowid and whether it is in the title column.</summary>
    public delegate void InstanceHandler(ReadOnlySpan<byte> term, long id, bool title);

    /// <summary>Every occurrence of every term, term by term (in FTS5's term order), rowids ascending within a term.</summary>
    public void ReadAllInstances(InstanceHandler onInstance)
    {
        var db = _writer.Handle!;
        Execute(_writer, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms_instances USING fts5vocab(main, terms, instance)");
        if (raw.sqlite3_prepare_v2(db, "SELECT term, doc, col FROM temp.terms_instances", out var statement) != raw.SQLITE_OK) throw Error(db);
        using (statement)
        {
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                onInstance(raw.sqlite3_column_blob(statement, 0), raw.sqlite3_column_int64(statement, 1), raw.sqlite3_column_bytes(statement, 2) == 5); // "title", not "text"
            if (result != raw.SQLITE_DONE) throw Error(db);
        }
    }

    private void ReadBlobs(string sql, Action<long, byte[]> onRow)
    {
        var db = _writer.Handle!;
        if (raw.sqlite3_prepare_v2(db, sql, out var statement) != raw.SQLITE_OK) throw Error(db);
        using (statement)
        {
            var blobColumn = raw.sqlite3_column_count(statement) - 1;
            while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
                onRow(blobColumn > 0 ? raw.sqlite3_column_int64(statement, 0) : 0, raw.sqlite3_column_blob(statement, blobColumn).ToArray());
        }
    }

    private static SqliteException Error(sqlite3 db) => new(raw.sqlite3_errmsg(db).utf8_to_string(), raw.sqlite3_errcode(db));

    /// <summary>SQLite's (and FTS5's) variable-length integer: 7 bits a byte, big-endian, the ninth byte whole.</summary>
    private static ulong Varint(byte[] data, ref int at)
    {
        ulong value = 0;
        for (var i = 0; i < 8 && at < data.Length; i++)
        {
            var b = data[at++];
            value = (value << 7) | (uint)(b & 0x7f);
            if (b < 0x80) return value;
        }
        if (at < data.Length) value = (value << 8) | data[at++];
        return value;
    }

    /// <summary>Merges the FTS5 segments into one (after a bulk load).</summary>
    public void Optimize() => Execute("INSERT INTO terms(terms) VALUES('optimize')");

    /// <summary>
    /// A staging file: commits its transaction and gives it the live file's settings (WAL, FTS5 merging as usual), so
    /// that it can be swapped in.
    /// </summary>
    public void Commit()
    {
        if (!_staging) return;
        if (_broken) throw new InvalidOperationException("A write to this staging index failed: the rebuild cannot complete.");
        _open?.Commit();
        _open?.Dispose();
        _open = null;
        Configure(LiveHashSize, LiveAutomerge);
    }

    /// <summary>
    /// Closes the file leaving no WAL nor shared-memory file beside it, its content on disk (fsync), so that it can be
    /// renamed over the live file safely.
    /// </summary>
    public void CloseClean()
    {
        Commit();
        Execute("PRAGMA synchronous=FULL");
        if (!_staging) Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        Execute("PRAGMA journal_mode=DELETE");
        Dispose();
        // Written without sync: one fsync of the whole file before the rename makes it durable.
        using var file = new FileStream(Path, FileMode.Open, FileAccess.ReadWrite);
        file.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        while (_readers.TryTake(out var reader)) reader.Dispose();
        foreach (var command in new[] { _updateDoc, _deleteDoc, _deleteTerms }) command.Dispose();
        _insertDoc.Dispose();
        _insertTerms.Dispose();
        // An abandoned staging file's transaction is dropped with the file.
        _open?.Dispose();
        _writer.Dispose();
    }
}

/// <summary>A change of the document table: the document now at <paramref name="Id"/>, or null when removed.</summary>
internal readonly record struct TableChange(long Id, SearchDocument? Document);

/// <summary>
/// A read-only connection with its statements prepared once, stepped through SQLitePCL directly: reading tens of
/// thousands of matching rowids through ADO.NET costs several times more.
/// </summary>
internal sealed class ReadConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private sqlite3_stmt? _matchRanked, _matchRowids, _matchHits, _document, _vocabulary, _instances;

    public ReadConnection(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _db = _connection.Handle!;
        HasPhraseHits = PhraseHitsFunction.TryRegister(_db);
    }

    /// <summary>Whether <see cref="PhraseHits"/> can be used (its FTS5 function is registered on this connection).</summary>
    public bool HasPhraseHits { get; }

    /// <summary>Every document matching the FTS5 expression (rowids ascending), with the instances of its phrases in the title and in the text.</summary>
    public void PhraseHits(string expression, Action<long, int, int> onMatch)
    {
        var statement = Prepare(ref _matchHits, $"SELECT rowid, {PhraseHitsFunction.Name}(terms) FROM terms WHERE terms MATCH ?1");
        try
        {
            raw.sqlite3_bind_text(statement, 1, expression);
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var hits = raw.sqlite3_column_int64(statement, 1);
                onMatch(raw.sqlite3_column_int64(statement, 0), (int)(hits >> 32), (int)(hits & 0xFFFFFFFF));
            }
            if (result != raw.SQLITE_DONE) throw Error();
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private sqlite3_stmt Prepare(ref sqlite3_stmt? statement, string sql)
    {
        if (statement is null)
        {
            if (raw.sqlite3_prepare_v2(_db, sql, out var prepared) != raw.SQLITE_OK) throw Error();
            statement = prepared;
        }
        return statement;
    }

    private SqliteException Error() => new(raw.sqlite3_errmsg(_db).utf8_to_string(), raw.sqlite3_errcode(_db));

    /// <summary>Every document matching the FTS5 expression, with its BM25 score when <paramref name="ranked"/> (lower is better).</summary>
    public void Match(string expression, bool ranked, Action<long, double> onMatch)
    {
        var statement = ranked
            ? Prepare(ref _matchRanked, "SELECT rowid, bm25(terms, 10.0, 1.0) FROM terms WHERE terms MATCH ?1")
            : Prepare(ref _matchRowids, "SELECT rowid FROM terms WHERE terms MATCH ?1");
        try
        {
            raw.sqlite3_bind_text(statement, 1, expression);
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                onMatch(raw.sqlite3_column_int64(statement, 0), ranked ? raw.sqlite3_column_double(statement, 1) : 0);
            if (result != raw.SQLITE_DONE) throw Error();
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    public StoredDocument? Document(long id)
    {
        var statement = Prepare(ref _document, "SELECT tenant, type, key, path, title, summary, body, date, language, facets FROM docs WHERE id = ?1");
        try
        {
            raw.sqlite3_bind_int64(statement, 1, id);
            if (raw.sqlite3_step(statement) != raw.SQLITE_ROW) return null;
            return new StoredDocument(Text(statement, 0), Text(statement, 1), Text(statement, 2), Text(statement, 3), Text(statement, 4),
                Text(statement, 5), Text(statement, 6), raw.sqlite3_column_int64(statement, 7), Text(statement, 8), Text(statement, 9));
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>How many documents hold the term (0 when none).</summary>
    public long DocumentsWithTerm(string term)
    {
        var statement = Prepare(ref _vocabulary, "SELECT doc FROM terms_vocab WHERE term = ?1");
        try
        {
            raw.sqlite3_bind_text(statement, 1, term);
            return raw.sqlite3_step(statement) == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : 0;
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>Every occurrence of <paramref name="term"/>: its rowid (ascending) and whether it is in the title column.</summary>
    public void Instances(string term, Action<long, bool> onInstance)
    {
        if (_instances is null)
        {
            // A temporary table of this connection (allowed on a read-only one): the index's file is not written.
            using var create = _connection.CreateCommand();
            create.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms_instances USING fts5vocab(main, terms, instance)";
            create.ExecuteNonQuery();
        }
        var statement = Prepare(ref _instances, "SELECT doc, col FROM temp.terms_instances WHERE term = ?1");
        try
        {
            raw.sqlite3_bind_text(statement, 1, term);
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                onInstance(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_bytes(statement, 1) == 5); // "title", not "text"
            if (result != raw.SQLITE_DONE) throw Error();
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>Every document's title and summary (for the spelling vocabulary).</summary>
    public void TitlesAndSummaries(Action<string, string> onDocument)
    {
        if (raw.sqlite3_prepare_v2(_db, "SELECT title, summary FROM docs", out var statement) != raw.SQLITE_OK) throw Error();
        using (statement)
        {
            while (raw.sqlite3_step(statement) == raw.SQLITE_ROW) onDocument(Text(statement, 0), Text(statement, 1));
        }
    }

    private static string Text(sqlite3_stmt statement, int column) => raw.sqlite3_column_text(statement, column).utf8_to_string() ?? "";

    public void Dispose()
    {
        _matchRanked?.Dispose();
        _matchRowids?.Dispose();
        _matchHits?.Dispose();
        _document?.Dispose();
        _vocabulary?.Dispose();
        _instances?.Dispose();
        _connection.Dispose();
    }
}

/// <summary>A document as stored, for building a hit.</summary>
internal sealed record StoredDocument(string Tenant, string Type, string Key, string Path, string Title, string Summary, string Body, long DateTicks, string Language, string Facets);
