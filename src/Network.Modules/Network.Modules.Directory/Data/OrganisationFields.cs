using Network.Modules.Media;

namespace Network.Modules.Directory.Data;

/// <summary>
/// The fields of an organisation of the directory, stored as the content item's JSON. The name is the item's title,
/// the one-line presentation its summary; the region is the tenant (on the hub, the copy's origin).
/// </summary>
public sealed class OrganisationFields
{
    /// <summary>A value of <see cref="Services.OrganisationKinds"/> ("musee", "laboratoire").</summary>
    public string Kind { get; set; } = "";

    public string Commune { get; set; } = "";

    /// <summary>INSEE department code ("59", "2A"), optional.</summary>
    public string Department { get; set; } = "";

    /// <summary>Markdown, rendered through SafeMarkdown.</summary>
    public string Description { get; set; } = "";

    /// <summary>An http(s) address, optional.</summary>
    public string Website { get; set; } = "";

    /// <summary>14 digits without spaces, optional; checked by its Luhn key (La Poste's exception).</summary>
    public string Siret { get; set; } = "";

    /// <summary>From the tenant's media library, with its alternative text.</summary>
    public ImageRef? Logo { get; set; }

    /// <summary>Areas of expertise: values of the tenant's "domains" vocabulary.</summary>
    public List<string> Domains { get; set; } = [];

    /// <summary>Areas of expertise: values of the tenant's "technologies" vocabulary.</summary>
    public List<string> Technologies { get; set; } = [];

    /// <summary>
    /// Other names under which showcases and practices cite the organisation ("DRAC Hauts-de-France" for "Direction
    /// régionale des affaires culturelles Hauts-de-France"): matched, like the name, once normalised.
    /// </summary>
    public List<string> OtherNames { get; set; } = [];

    /// <summary>Set by a coordinator who has checked the organisation exists and is who it says: the "vérifiée" badge.</summary>
    public bool Verified { get; set; }
}
