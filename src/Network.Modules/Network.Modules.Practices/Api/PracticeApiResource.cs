using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Api;
using Network.Core.Tenancy;
using Network.Modules.Content.Api;
using Network.Modules.Content.Lists;
using Network.Modules.Practices.Data;
using Network.Modules.Practices.Pages.Practices;
using Network.Modules.Practices.Services;

namespace Network.Modules.Practices.Api;

/// <summary>A published practice report in the API: its sections (Markdown source) and resources; the author's name is left out (personal data).</summary>
public sealed class PracticeApiItem : ContentApiItem
{
    public string Context { get; set; } = "";
    public string Objectives { get; set; } = "";
    public string Approach { get; set; } = "";
    public string WhatWorked { get; set; } = "";
    public string WhatDidNot { get; set; } = "";
    public string AdviceForReuse { get; set; } = "";
    public IReadOnlyList<PracticeResource> Resources { get; set; } = [];
    public string CostAndEffort { get; set; } = "";
    public string EnvironmentalImpact { get; set; } = "";
    public string Accessibility { get; set; } = "";
    /// <summary>Ids (as in /api/v1/showcases) of the showcases of the same tenant the practice draws on.</summary>
    public IReadOnlyList<string> RelatedShowcases { get; set; } = [];
    public IReadOnlyList<string> Tags { get; set; } = [];
    public IReadOnlyList<string> Domains { get; set; } = [];
    public string Organisation { get; set; } = "";
    public string Licence { get; set; } = "";
}

/// <summary><c>/api/v1/practices</c>: the facets of <c>/pratiques</c> (<see cref="PracticeListModel.Filters"/>).</summary>
public sealed class PracticeApiResource(PracticeType type) : ContentApiResource<PracticeApiItem>(type)
{
    public override string Name => "practices";
    public override string Description => "Practice reports (the /pratiques pages): what was tried, what worked, what to reuse.";

    protected override IReadOnlyList<ContentApiFilter> ContentFilters { get; } = PracticeListModel.Filters
        .Select(f => f.Filter == ContentFilter.Region ? ContentApiFilter.Region : new ContentApiFilter(f.Filter, f.Filter.Facet switch
        {
            PracticeType.DomainFacet => "Cultural domain (vocabulary value).",
            _ => "Keyword (its normalised value, as in the page's links).",
        }))
        .ToList();

    protected override Task<(Func<ContentCard, PracticeApiItem> Map, string State)> PrepareAsync(HttpContext http, ContentSnapshot snapshot, CancellationToken cancellationToken)
    {
        var tenant = http.RequestServices.GetRequiredService<TenantContext>().Required.Name;
        return Task.FromResult<(Func<ContentCard, PracticeApiItem>, string)>((card =>
        {
            var f = card.FieldsAs<PracticeFields>();
            var owner = card.Item.OriginTenant ?? tenant;
            return new PracticeApiItem
            {
                Context = f.Context, Objectives = f.Objectives, Approach = f.Approach, WhatWorked = f.WhatWorked, WhatDidNot = f.WhatDidNot,
                AdviceForReuse = f.AdviceForReuse, Resources = f.Resources, CostAndEffort = f.CostAndEffort, EnvironmentalImpact = f.EnvironmentalImpact,
                Accessibility = f.Accessibility, RelatedShowcases = f.RelatedShowcaseIds.Select(id => ApiIds.Of(owner, id)).ToList(), Tags = f.Tags,
                Domains = f.Domains, Organisation = f.Organisation, Licence = f.Licence,
            };
        }, ""));
    }
}
