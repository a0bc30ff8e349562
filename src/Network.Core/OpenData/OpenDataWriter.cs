using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Network.Core.Hosting;
using Network.Core.Localization;
using Network.Core.Text;

namespace Network.Core.OpenData;

/// <summary>
/// Writes a dataset's rows as CSV (<see cref="Csv"/>: RFC 4180, UTF-8 without BOM, header row) or JSON (an array of
/// objects keyed by the column names, typed values, absent values null) while the source produces them: a few
/// kilobytes are buffered, then sent, so an export of any size runs in constant memory.
/// </summary>
public static class OpenDataWriter
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Bytes buffered before they go to the client.</summary>
    private const int FlushBytes = 32 * 1024;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly JavaScriptEncoder JsonEncoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>Answers GET and HEAD for one file of the source's dataset, streamed.</summary>
    public static async Task AnswerAsync(HttpContext http, IOpenDatasetSource source, OpenDataFormat format)
    {
        var dataset = source.Dataset;
        var cancellationToken = http.RequestAborted;
        var state = await source.StateAsync(cancellationToken);
        var response = http.Response;
        response.ContentType = format.Extension == "csv" ? Csv.ContentType : JsonContentType;
        response.Headers.ContentDisposition = $"inline; filename=\"{dataset.Id}.{format.Extension}\"";
        response.Headers.CacheControl = "public, max-age=300";
        var etag = ETag(dataset, format, state);
        response.Headers.ETag = etag;
        if (state.ModifiedUtc is { } modified)
            response.Headers.LastModified = DateTime.SpecifyKind(modified, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture);
        if (ConditionalGet.NotModified(http.Request, etag, state.ModifiedUtc))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        if (HttpMethods.IsHead(http.Request.Method)) return;
        if (format.Extension == "csv") await WriteCsvAsync(response.Body, dataset, source.RowsAsync(cancellationToken), cancellationToken);
        else await WriteJsonAsync(response.Body, dataset, source.RowsAsync(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Weak: the file's bytes follow from the rows' count and latest change (any publication, edit, unpublication or
    /// deletion moves one of them) and from the columns of this dataset and format.
    /// </summary>
    private static string ETag(OpenDataset dataset, OpenDataFormat format, OpenDatasetState state)
    {
        var text = string.Join('|', dataset.Id, format.Extension, state.Rows.ToString(CultureInfo.InvariantCulture),
            state.ModifiedUtc?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "", string.Join(',', dataset.ColumnNames));
        return ConditionalGet.ETagOf(text, weak: true);
    }

    public static async Task WriteCsvAsync(Stream output, OpenDataset dataset, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, Utf8NoBom, bufferSize: FlushBytes, leaveOpen: true);
        await writer.WriteAsync(Csv.Line(dataset.ColumnNames).AsMemory(), cancellationToken);
        var columns = dataset.Columns;
        var cells = new string?[columns.Count];
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < cells.Length; i++) cells[i] = CsvText(row[i], columns[i].Type);
            // StreamWriter sends its buffer to the response whenever it fills.
            await writer.WriteAsync(Csv.Line(cells).AsMemory(), cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    public static async Task WriteJsonAsync(Stream output, OpenDataset dataset, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JsonEncoder });
        var columns = dataset.Columns;
        var names = columns.Select(c => JsonEncodedText.Encode(c.Name, JsonEncoder)).ToArray();
        json.WriteStartArray();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
            {
                json.WritePropertyName(names[i]);
                WriteJsonValue(json, row[i], columns[i].Type);
            }
            json.WriteEndObject();
            if (json.BytesPending >= FlushBytes) await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>A value as the CSV file writes it (before quoting).</summary>
    public static string CsvText(object? value, OpenDataType type) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "oui" : "non",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime instant => type == OpenDataType.Date
            ? ParisTime.FromUtc(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : ParisTime.Iso(instant),
        decimal number => type == OpenDataType.Amount
            ? number.ToString("0.00", CultureInfo.InvariantCulture)
            : number.ToString("0.####", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(";", list),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void WriteJsonValue(Utf8JsonWriter json, object? value, OpenDataType type)
    {
        switch (value)
        {
            case null:
            case string { Length: 0 }:
                json.WriteNullValue();
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case decimal number:
                json.WriteNumberValue(type == OpenDataType.Amount ? decimal.Round(number, 2) : number);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case IEnumerable<string> list:
                json.WriteStartArray();
                foreach (var item in list) json.WriteStringValue(item);
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(CsvText(value, type));
                break;
        }
    }
}
