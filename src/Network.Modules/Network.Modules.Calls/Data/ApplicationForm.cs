using System.Text.Json;

namespace Network.Modules.Calls.Data;

/// <summary>
/// What an applicant fills in, step by step, stored as the application's JSON. Every step saves what it has, valid or
/// not yet: the checks that matter (SIRET/RNA, amounts against the call's limits, required fields) run at each step's
/// "next" and again, all together, at submission.
/// </summary>
public sealed class ApplicationForm
{
    // Step "Structure"
    public string OrganisationName { get; set; } = "";

    /// <summary>One of <see cref="Services.ApplicantTypes"/> (association, collectivité, établissement public…).</summary>
    public string LegalForm { get; set; } = "";

    /// <summary>14 digits, Luhn checksum (La Poste's establishments excepted, as INSEE does).</summary>
    public string Siret { get; set; } = "";

    /// <summary>Associations without a SIRET: "W" followed by 9 digits.</summary>
    public string Rna { get; set; } = "";

    public string AddressLine { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";

    // Step "Contact"
    public string ContactName { get; set; } = "";
    public string ContactRole { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string ContactPhone { get; set; } = "";

    // Step "Projet"
    public string ProjectTitle { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";

    /// <summary>Values of the tenant's "domains" vocabulary (as showcases).</summary>
    public List<string> Domains { get; set; } = [];

    /// <summary>Values of the tenant's "technologies" vocabulary (as showcases).</summary>
    public List<string> Technologies { get; set; } = [];

    public List<ApplicationPartner> Partners { get; set; } = [];

    /// <summary>Markdown: the project's stages and their dates.</summary>
    public string Timeline { get; set; } = "";

    // Step "Budget"
    public decimal? TotalBudget { get; set; }
    public decimal? AmountRequested { get; set; }
    public List<ApplicationCoFunding> CoFunding { get; set; } = [];

    // Step "Questions": the call's optional questions, by key.
    public Dictionary<string, string> Answers { get; set; } = [];

    // Step "Récapitulatif"
    /// <summary>The applicant has read the information notice on personal data (required to submit).</summary>
    public bool PrivacyNoticeRead { get; set; }

    /// <summary>The applicant certifies the information is accurate (required to submit).</summary>
    public bool Certified { get; set; }

    /// <summary>The one JSON shape of stored forms and reviews' scores (web defaults: camelCase).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ApplicationForm Read(string json) => JsonSerializer.Deserialize<ApplicationForm>(json, Json) ?? new();

    public string Write() => JsonSerializer.Serialize(this, Json);
}

public sealed record ApplicationPartner(string Name, string Role);

/// <param name="Funder">"Région Hauts-de-France", "fonds propres"…</param>
/// <param name="Obtained">Already granted, or only requested.</param>
public sealed record ApplicationCoFunding(string Funder, decimal Amount, bool Obtained);
