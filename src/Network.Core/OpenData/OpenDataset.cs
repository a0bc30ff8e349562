namespace Network.Core.OpenData;

/// <summary>
/// A dataset a module publishes for the tenant under <c>/donnees</c>: its description, its columns, its keywords. The
/// open data page, the dataset's own page and the DCAT catalog describe it from this; the files
/// (<see cref="PathOf"/>) are served by the module through <see cref="OpenDataEndpoints.MapOpenDataset{TSource}"/>.
/// </summary>
/// <param name="Id">Stable identifier, the last segment of its addresses ("projets", "subventions").</param>
/// <param name="Title">French title; its English text comes from the module's localization.</param>
/// <param name="Description">French description of what one row is and how it is kept up to date.</param>
/// <param name="ModuleId">The module that owns the data: the files exist only where it is enabled.</param>
/// <param name="Columns">In file order: the CSV header and the JSON keys.</param>
/// <param name="Keywords">French keywords for catalogs (<c>dcat:keyword</c>).</param>
/// <param name="SchemaName">The schema followed, when there is one ("SCDL subventions 2.1.1").</param>
/// <param name="SchemaUrl">Where the schema is documented.</param>
public sealed record OpenDataset(
    string Id,
    string Title,
    string Description,
    string ModuleId,
    IReadOnlyList<OpenDatasetColumn> Columns,
    IReadOnlyList<string> Keywords,
    string? SchemaName = null,
    string? SchemaUrl = null)
{
    public const string LicenceName = "Licence Ouverte Etalab 2.0";
    public const string LicenceUrl = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    /// <summary>Every dataset is offered in both, at <see cref="PathOf"/>.</summary>
    public static readonly IReadOnlyList<OpenDataFormat> Formats =
    [
        new("csv", "CSV", "text/csv"),
        new("json", "JSON", "application/json"),
    ];

    /// <summary>Tenant-relative address of the dataset's page ("/donnees/projets").</summary>
    public string PagePath => "/donnees/" + Id;

    /// <summary>Tenant-relative address of one file ("/donnees/projets.csv").</summary>
    public string PathOf(OpenDataFormat format) => $"/donnees/{Id}.{format.Extension}";

    public IReadOnlyList<string> ColumnNames => Columns.Select(c => c.Name).ToList();
}

/// <param name="Extension">"csv", "json": the file's extension in its address.</param>
/// <param name="Label">As shown and as <c>dct:format</c> says it.</param>
/// <param name="MediaType">The IANA media type, without parameters.</param>
public sealed record OpenDataFormat(string Extension, string Label, string MediaType);

/// <summary>How a column's values are written: text in CSV (ISO 8601 dates, dot decimals, "oui"/"non"), typed in JSON.</summary>
public enum OpenDataType
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>An absolute address.</summary>
    Url,

    /// <summary>A calendar date, "2026-03-02".</summary>
    Date,

    /// <summary>An instant with its offset in Paris time, "2026-03-02T09:00+01:00".</summary>
    DateTime,

    Integer,

    /// <summary>A decimal number, "0.375".</summary>
    Number,

    /// <summary>Euros with two decimals, "30000.00".</summary>
    Amount,

    /// <summary>"oui"/"non" in CSV, true/false in JSON.</summary>
    Boolean,

    /// <summary>Several strings: joined by ";" in CSV, an array in JSON.</summary>
    List,
}

/// <param name="Name">French snake_case (or the schema's own name).</param>
/// <param name="Description">French: what the value means, shown on the dataset's page.</param>
public sealed record OpenDatasetColumn(string Name, string Description, OpenDataType Type = OpenDataType.Text);

/// <summary>What a dataset holds now in the current tenant.</summary>
/// <param name="Rows">How many rows the files have.</param>
/// <param name="ModifiedUtc">The latest change of its data (null while it has never had any).</param>
public sealed record OpenDatasetState(int Rows, DateTime? ModifiedUtc);

/// <summary>
/// One dataset of a module, in the current tenant. Registered scoped (<see cref="OpenDataEndpoints.AddOpenDataset{TSource}"/>);
/// the open data pages and the catalog ask only the sources whose module the tenant has enabled.
/// </summary>
public interface IOpenDatasetSource
{
    OpenDataset Dataset { get; }

    /// <summary>Row count and update date, without producing the rows (cheap aggregates).</summary>
    Task<OpenDatasetState> StateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The rows, as they are read (the files are written while they come, never held whole): one value per column of
    /// <see cref="OpenDataset.Columns"/>, of the type the column says (string, DateOnly, DateTime in UTC, int, decimal,
    /// bool, a list of strings), null when absent. Only published, public data; never personal data.
    /// </summary>
    IAsyncEnumerable<object?[]> RowsAsync(CancellationToken cancellationToken);
}
