using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Api;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Api;
using Network.Modules.Content.Lists;

namespace Network.Modules.Calls.Api;

/// <summary>A published call for projects in the API: its rules and dates and its state now; not its form's questions or its contact.</summary>
public sealed class CallApiItem : ContentApiItem
{
    /// <summary>upcoming, open, closed, underReview or resultsPublished, worked out at the time of the request.</summary>
    public string State { get; set; } = "";
    public string Programme { get; set; } = "";
    public int Year { get; set; }
    public string Description { get; set; } = "";
    public IReadOnlyList<string> EligibleApplicants { get; set; } = [];
    public string EligibleExpenses { get; set; } = "";
    public string Territory { get; set; } = "";
    /// <summary>Euros.</summary>
    public decimal? TotalEnvelope { get; set; }
    /// <summary>Euros.</summary>
    public decimal? MaxAmountPerProject { get; set; }
    public decimal? MaxFundingRatePercent { get; set; }
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public IReadOnlyList<CallApiCriterion> Criteria { get; set; } = [];
    public IReadOnlyList<string> Domains { get; set; } = [];
}

public sealed record CallApiCriterion(string Label, string Description, decimal Weight, int MaxScore);

/// <summary><c>/api/v1/calls</c>: the facets of <c>/appels</c>; each call's state comes from <see cref="CallCatalog"/>, as on the page.</summary>
public sealed class CallApiResource(CallType type) : ContentApiResource<CallApiItem>(type)
{
    public override string Name => "calls";
    public override string Description => "Calls for projects (the /appels pages), with their state at the time of the request.";

    protected override IReadOnlyList<ContentApiFilter> ContentFilters { get; } =
    [
        ContentApiFilter.Region,
        new(CallType.Filters.Programme, "Funding programme (its normalised value)."),
        new(CallType.Filters.Year, "Year of the call."),
        new(CallType.Filters.Domain, "Cultural domain (vocabulary value)."),
    ];

    protected override async Task<(Func<ContentCard, CallApiItem> Map, string State)> PrepareAsync(HttpContext http, ContentSnapshot snapshot, CancellationToken cancellationToken)
    {
        var states = await http.RequestServices.GetRequiredService<CallCatalog>().StatesAsync(snapshot, cancellationToken);
        // A call opens and closes on its own at its dates: the states are part of what an answer depends on.
        var state = string.Concat(snapshot.Items.Select(c => (char)('a' + (int)states[c.Item.Id])));
        return (card =>
        {
            var f = card.FieldsAs<CallFields>();
            return new CallApiItem
            {
                State = ApiNames.Of(states[card.Item.Id]), Programme = f.Programme, Year = f.Year, Description = f.Description,
                EligibleApplicants = f.EligibleApplicants, EligibleExpenses = f.EligibleExpenses, Territory = f.Territory, TotalEnvelope = f.TotalEnvelope,
                MaxAmountPerProject = f.MaxAmountPerProject, MaxFundingRatePercent = f.MaxFundingRatePercent,
                OpensAt = DateTime.SpecifyKind(f.OpensUtc, DateTimeKind.Utc), ClosesAt = DateTime.SpecifyKind(f.ClosesUtc, DateTimeKind.Utc),
                Criteria = f.Criteria.Select(c => new CallApiCriterion(c.Label, c.Description, c.Weight, c.MaxScore)).ToList(), Domains = f.Domains,
            };
        }, state);
    }
}
