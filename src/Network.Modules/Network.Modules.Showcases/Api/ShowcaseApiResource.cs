using Microsoft.AspNetCore.Http;
using Network.Modules.Content.Api;
using Network.Modules.Content.Lists;
using Network.Modules.Showcases.Data;
using Network.Modules.Showcases.Services;

namespace Network.Modules.Showcases.Api;

/// <summary>A published showcase in the API: what its public page shows, without the contact (personal data) or images.</summary>
public sealed class ShowcaseApiItem : ContentApiItem
{
    public string Description { get; set; } = "";
    public string LeadOrganisation { get; set; } = "";
    public IReadOnlyList<ShowcasePartner> Partners { get; set; } = [];
    public string Department { get; set; } = "";
    public string Commune { get; set; } = "";
    /// <summary>Values of the tenant's cultural domains vocabulary.</summary>
    public IReadOnlyList<string> Domains { get; set; } = [];
    /// <summary>Values of the tenant's technologies vocabulary.</summary>
    public IReadOnlyList<string> Technologies { get; set; } = [];
    public IReadOnlyList<string> Audiences { get; set; } = [];
    /// <summary>idee, prototype, pilote, en-production or arrete.</summary>
    public string Maturity { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string Programme { get; set; } = "";
    public string Call { get; set; } = "";
    public int? Year { get; set; }
    /// <summary>Euros.</summary>
    public decimal? AmountGranted { get; set; }
    /// <summary>Euros.</summary>
    public decimal? TotalBudget { get; set; }
    public IReadOnlyList<string> CoFunders { get; set; } = [];
    public string Outcomes { get; set; } = "";
    public string LessonsLearned { get; set; } = "";
    public string Licence { get; set; } = "";
    public IReadOnlyList<ShowcaseLink> Links { get; set; } = [];
    public string AccessibilityNotes { get; set; } = "";
    public string EcoDesignNotes { get; set; } = "";
}

/// <summary><c>/api/v1/showcases</c>: the facets of <c>/projets</c>.</summary>
public sealed class ShowcaseApiResource(ShowcaseType type) : ContentApiResource<ShowcaseApiItem>(type)
{
    public override string Name => "showcases";
    public override string Description => "Showcases of funded digital innovation projects (the /projets pages). Markdown fields are Markdown source.";

    protected override IReadOnlyList<ContentApiFilter> ContentFilters { get; } =
    [
        ContentApiFilter.Region,
        new(ShowcaseType.Filters.Domain, "Cultural domain (vocabulary value)."),
        new(ShowcaseType.Filters.Technology, "Technology (vocabulary value)."),
        new(ShowcaseType.Filters.Programme, "Funding programme."),
        new(ShowcaseType.Filters.Year, "Year of the call that funded the project."),
        new(ShowcaseType.Filters.Maturity, "Maturity: idee, prototype, pilote, en-production, arrete."),
    ];

    protected override Task<(Func<ContentCard, ShowcaseApiItem> Map, string State)> PrepareAsync(HttpContext http, ContentSnapshot snapshot, CancellationToken cancellationToken)
        => Task.FromResult<(Func<ContentCard, ShowcaseApiItem>, string)>((Map, ""));

    private static ShowcaseApiItem Map(ContentCard card)
    {
        var f = card.FieldsAs<ShowcaseFields>();
        return new ShowcaseApiItem
        {
            Description = f.Description, LeadOrganisation = f.LeadOrganisation, Partners = f.Partners, Department = f.Department, Commune = f.Commune,
            Domains = f.Domains, Technologies = f.Technologies, Audiences = f.Audiences, Maturity = ShowcaseType.MaturitySlug(f.Maturity),
            StartDate = f.StartDate, EndDate = f.EndDate, Programme = f.Programme, Call = f.Call, Year = f.Year, AmountGranted = f.AmountGranted,
            TotalBudget = f.TotalBudget, CoFunders = f.CoFunders, Outcomes = f.Outcomes, LessonsLearned = f.LessonsLearned, Licence = f.Licence,
            Links = f.Links, AccessibilityNotes = f.AccessibilityNotes, EcoDesignNotes = f.EcoDesignNotes,
        };
    }
}
