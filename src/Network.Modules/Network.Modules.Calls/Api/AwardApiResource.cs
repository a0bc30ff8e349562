using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Api;
using Network.Core.Tenancy;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.Api;

/// <summary>
/// An award in the API: an accepted application of a call whose results are published, as the results page and the
/// SCDL subventions dataset show it (the beneficiary organisation and its public identifiers, the project, the amount);
/// never the applicant's account, contact, answers or files.
/// </summary>
public sealed class AwardApiItem
{
    /// <summary>The tenant and the application's number there ("hauts-de-france-7").</summary>
    public string Id { get; set; } = "";
    public string Tenant { get; set; } = "";
    public string TenantName { get; set; } = "";
    /// <summary>The application's reference in its call.</summary>
    public string Reference { get; set; } = "";
    public string ProjectTitle { get; set; } = "";
    public string Beneficiary { get; set; } = "";
    /// <summary>The beneficiary's SIRET, when it has one.</summary>
    public string? BeneficiarySiret { get; set; }
    /// <summary>The beneficiary's RNA number (associations), when it has one.</summary>
    public string? BeneficiaryRna { get; set; }
    /// <summary>Euros.</summary>
    public decimal AmountGranted { get; set; }
    /// <summary>Euros.</summary>
    public decimal? TotalBudget { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public DateOnly? ConventionDate { get; set; }
    /// <summary>The call's id in /api/v1/calls.</summary>
    public string CallId { get; set; } = "";
    public string CallTitle { get; set; } = "";
    public string Programme { get; set; } = "";
    public int Year { get; set; }
    /// <summary>The call's public results page.</summary>
    public string ResultsUrl { get; set; } = "";
}

/// <summary>
/// <c>/api/v1/awards</c>: the tenant's awards (<see cref="CallResults.AwardsAsync"/>), on the hub every running region's,
/// read through each region's scope. Results are published rarely: the list is kept in memory until the tenant's (or a
/// region's) <see cref="TenantGenerations"/> number moves, which publishing results does.
/// </summary>
public sealed class AwardApiResource(TenantGenerations generations, IMemoryCache cache) : IApiResource
{
    public const string NewestSort = "newest";
    public const string TitleSort = "title";

    public string Name => "awards";
    public string ModuleId => CallsModule.ModuleId;
    public string Description => "Grants awarded by calls for projects whose results are published (the funded projects of each call's results page).";
    public Type ItemType => typeof(AwardApiItem);
    public IReadOnlyList<string> Sorts { get; } = [NewestSort, TitleSort];

    public IReadOnlyList<ApiFilter> Filters { get; } =
    [
        new("region", "Region that awarded the grant (tenant name).", HubOnly: true),
        new("programme", "Funding programme of the call (its normalised value, as in /api/v1/calls)."),
        new("annee", "Year of the call."),
    ];

    public async Task<IApiResourceView> OpenAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var tenant = services.GetRequiredService<TenantContext>().Required;
        var regions = services.GetRequiredService<RegionScopes>();
        var running = tenant.IsHub ? regions.RunningWith(CallsModule.ModuleId) : [];
        var version = $"{generations.Of(tenant.Name)}.{generations.Registry}.{string.Join(',', running.Select(r => r.Name + ":" + generations.Of(r.Name)))}";
        var urls = services.GetRequiredService<TenantUrls>();
        var items = (await cache.GetOrCreateAsync($"api:awards:{tenant.Name}:{version}:{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var all = new List<AwardApiItem>(Read(tenant, await services.GetRequiredService<CallResults>().AwardsAsync(cancellationToken), urls));
            if (tenant.IsHub)
            {
                foreach (var (region, awards) in await regions.ReadEachAsync(CallsModule.ModuleId,
                    (_, scope) => scope.GetRequiredService<CallResults>().AwardsAsync(cancellationToken)))
                    all.AddRange(Read(region, awards, urls));
            }
            return (IReadOnlyList<AwardApiItem>)all.OrderByDescending(a => a.DecisionDate).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        }))!;
        return new View(items, version);
    }

    private static IEnumerable<AwardApiItem> Read(TenantInfo tenant, IReadOnlyList<CallAward> awards, TenantUrls urls)
        => awards.Where(a => a.Application.AmountGranted is not null).Select(a =>
        {
            var siret = new string((a.Form.Siret ?? "").Where(char.IsAsciiDigit).ToArray());
            var rna = (a.Form.Rna ?? "").Trim().ToUpperInvariant();
            return new AwardApiItem
            {
                Id = ApiIds.Of(tenant.Name, a.Application.Id), Tenant = tenant.Name, TenantName = tenant.DisplayName,
                Reference = a.Application.Reference ?? "", ProjectTitle = a.Application.ProjectTitle,
                Beneficiary = string.IsNullOrWhiteSpace(a.Form.OrganisationName) ? a.Application.OrganisationName : a.Form.OrganisationName,
                BeneficiarySiret = siret.Length == 14 ? siret : null, BeneficiaryRna = rna.Length == 10 && rna[0] == 'W' ? rna : null,
                AmountGranted = a.Application.AmountGranted ?? 0, TotalBudget = a.Application.TotalBudget ?? a.Form.TotalBudget,
                DecisionDate = a.Application.DecisionDate, ConventionDate = a.Application.ConventionDate,
                CallId = ApiIds.Of(tenant.Name, a.CallItem.Id), CallTitle = a.CallItem.Title, Programme = a.CallFields.Programme, Year = a.CallFields.Year,
                ResultsUrl = urls.Absolute(tenant, CallResults.ResultsPath(a.CallItem.Slug)),
            };
        });

    private sealed class View(IReadOnlyList<AwardApiItem> items, string version) : IApiResourceView
    {
        public string Version => version;

        public ValueTask<ApiListResult> ListAsync(ApiListRequest request, CancellationToken cancellationToken)
        {
            IEnumerable<AwardApiItem> matching = items;
            if (request.Filters.TryGetValue("region", out var region)) matching = matching.Where(a => a.Tenant == region);
            if (request.Filters.TryGetValue("programme", out var programme)) matching = matching.Where(a => CallType.ProgrammeValue(a.Programme) == programme);
            if (request.Filters.TryGetValue("annee", out var year)) matching = matching.Where(a => a.Year.ToString(CultureInfo.InvariantCulture) == year);
            if (request.Sort == TitleSort) matching = matching.OrderBy(a => a.ProjectTitle, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true));
            var all = matching.ToList();
            return ValueTask.FromResult(new ApiListResult(all.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).Cast<object>().ToList(), all.Count));
        }

        public ValueTask<object?> FindAsync(string id, CancellationToken cancellationToken)
            => ValueTask.FromResult<object?>(items.FirstOrDefault(a => a.Id == id));
    }
}
