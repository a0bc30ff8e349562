using Network.Modules.Media;

namespace Network.Modules.Showcases.Data;

/// <summary>
/// The fields of a showcase of a funded innovation project, stored as the content item's JSON. Modelled on
/// Europeana's EDM and POP records: who made it, with whom, where, in which domains, with which technologies,
/// funded by which programme, with what results.
/// </summary>
public sealed class ShowcaseFields
{
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";

    public string LeadOrganisation { get; set; } = "";
    public List<ShowcasePartner> Partners { get; set; } = [];

    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";

    /// <summary>The contact is shown to the public only when the author allows it.</summary>
    public bool ShowContact { get; set; }

    /// <summary>INSEE department code ("59", "2A").</summary>
    public string Department { get; set; } = "";
    public string Commune { get; set; } = "";

    /// <summary>Values of the tenant's "domains" vocabulary.</summary>
    public List<string> Domains { get; set; } = [];

    /// <summary>Values of the tenant's "technologies" vocabulary.</summary>
    public List<string> Technologies { get; set; } = [];

    /// <summary>Free list: "grand public", "scolaires", "chercheurs"…</summary>
    public List<string> Audiences { get; set; } = [];

    public ShowcaseMaturity Maturity { get; set; } = ShowcaseMaturity.Prototype;

    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>Funding programme ("PNV", "ADNI", "Services numériques innovants", "Cultures connectées").</summary>
    public string Programme { get; set; } = "";

    /// <summary>The call for projects, with its year ("Appel à projets ADNI 2024").</summary>
    public string Call { get; set; } = "";
    public int? Year { get; set; }

    /// <summary>Euros.</summary>
    public decimal? AmountGranted { get; set; }
    public decimal? TotalBudget { get; set; }
    public List<string> CoFunders { get; set; } = [];

    /// <summary>Markdown.</summary>
    public string Outcomes { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string LessonsLearned { get; set; } = "";

    /// <summary>Licence of the write-up ("Licence Ouverte Etalab 2.0" by default).</summary>
    public string Licence { get; set; } = ShowcaseDefaults.Licence;

    public List<ShowcaseLink> Links { get; set; } = [];

    /// <summary>The first image is the card's image.</summary>
    public List<ImageRef> Gallery { get; set; } = [];

    /// <summary>Markdown.</summary>
    public string AccessibilityNotes { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string EcoDesignNotes { get; set; } = "";
}

public sealed record ShowcasePartner(string Name, string Role);

/// <param name="Kind">website, source, opendata, pop, europeana, other.</param>
public sealed record ShowcaseLink(string Kind, string Label, string Url);

public enum ShowcaseMaturity { Idea, Prototype, Pilot, Production, Stopped }

public static class ShowcaseDefaults
{
    public const string Licence = "Licence Ouverte Etalab 2.0";
}
