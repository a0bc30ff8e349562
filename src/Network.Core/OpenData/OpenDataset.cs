namespace Network.Core.OpenData;

/// <summary>
/// A dataset a module publishes for the tenant under <c>/donnees</c> (the open data page lists every dataset of the
/// tenant's enabled modules). Each file is served by the module's own endpoint.
/// </summary>
/// <param name="Id">Stable identifier ("subventions", "appels").</param>
/// <param name="Title">French title; its English text comes from the module's localization.</param>
/// <param name="Description">French description of what one row is and how it is kept up to date.</param>
/// <param name="Files">The same data in each format offered.</param>
/// <param name="SchemaName">The schema followed, when there is one ("SCDL subventions 2.1.1").</param>
/// <param name="SchemaUrl">Where the schema is documented.</param>
public sealed record OpenDataset(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<OpenDatasetFile> Files,
    string ModuleId,
    string? SchemaName = null,
    string? SchemaUrl = null,
    string Licence = OpenDataset.OpenLicence)
{
    public const string OpenLicence = "Licence Ouverte Etalab 2.0";
}

/// <param name="Format">"csv", "json".</param>
/// <param name="Path">Tenant-relative address ("/donnees/subventions.csv").</param>
public sealed record OpenDatasetFile(string Format, string Path);

/// <summary>A module's datasets. Registered as a singleton; the page asks only the modules the tenant has enabled.</summary>
public interface IOpenDatasetSource
{
    IReadOnlyList<OpenDataset> Datasets { get; }
}
