using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace Network.Modules.Search.Index;

/// <summary>
/// An FTS5 auxiliary function, <c>phrase_hits(terms)</c>, registered on each read connection: for the current row, the
/// instances of the expression's phrases in the title and in the text (<c>title &lt;&lt; 32 | text</c>). A phrase's BM25
/// is then computed in C# from these, the documents' sizes held in memory and the number of rows found, exactly as
/// FTS5's <c>bm25()</c> computes it, without bm25's own costs: a second scan of the phrase for its IDF and a lookup of
/// every matching row's size in the <c>docsize</c> table (together more than half of a phrase's reading time).
/// Called through SQLite's C API (the <c>fts5_api</c> and <c>Fts5ExtensionApi</c> structures, whose members only ever
/// get appended), in the same <c>e_sqlite3</c> library the connections use.
/// </summary>
internal static unsafe class PhraseHitsFunction
{
    public const string Name = "phrase_hits";

    private const string Library = "e_sqlite3";

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_prepare_v2(IntPtr db, byte* sql, int length, IntPtr* statement, IntPtr tail);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_bind_pointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_step(IntPtr statement);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_finalize(IntPtr statement);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void sqlite3_result_int64(IntPtr context, long value);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void sqlite3_result_error_code(IntPtr context, int code);

    /// <summary>Registers the function on the connection; false when this SQLite cannot (the caller then uses <c>bm25()</c>).</summary>
    public static bool TryRegister(sqlite3 db)
    {
        var handle = db.DangerousGetHandle();
        IntPtr api = 0;
        IntPtr statement = 0;
        fixed (byte* sql = "SELECT fts5(?1)\0"u8)
        {
            if (sqlite3_prepare_v2(handle, sql, -1, &statement, 0) != raw.SQLITE_OK || statement == 0) return false;
        }
        try
        {
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                if (sqlite3_bind_pointer(statement, 1, &api, type, 0) != raw.SQLITE_OK) return false;
            }
            if (sqlite3_step(statement) != raw.SQLITE_ROW) return false;
        }
        finally
        {
            sqlite3_finalize(statement);
        }
        if (api == 0) return false;
        // fts5_api: int iVersion; xCreateTokenizer; xFindTokenizer; xCreateFunction; …
        var createFunction = (delegate* unmanaged[Cdecl]<IntPtr, byte*, IntPtr, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, IntPtr, void>, IntPtr, int>)
            ((IntPtr*)api)[3];
        fixed (byte* name = "phrase_hits\0"u8)
        {
            return createFunction(api, name, 0, &Hits, 0) == raw.SQLITE_OK;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Hits(IntPtr extension, IntPtr fts, IntPtr context, int argumentCount, IntPtr arguments)
    {
        // Fts5ExtensionApi: int iVersion; xUserData; xColumnCount; xRowCount; xColumnTotalSize; xTokenize; xPhraseCount;
        // xPhraseSize; xInstCount; xInst; …
        var functions = (IntPtr*)extension;
        var instanceCount = (delegate* unmanaged[Cdecl]<IntPtr, int*, int>)functions[8];
        var instance = (delegate* unmanaged[Cdecl]<IntPtr, int, int*, int*, int*, int>)functions[9];
        int count;
        var result = instanceCount(fts, &count);
        long title = 0, text = 0;
        for (var i = 0; i < count && result == raw.SQLITE_OK; i++)
        {
            int phrase, column, offset;
            result = instance(fts, i, &phrase, &column, &offset);
            if (column == 0) title++;
            else text++;
        }
        if (result == raw.SQLITE_OK) sqlite3_result_int64(context, title << 32 | text);
        else sqlite3_result_error_code(context, result);
    }
}
