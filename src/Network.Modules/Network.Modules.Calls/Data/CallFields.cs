namespace Network.Modules.Calls.Data;

/// <summary>
/// The public definition of a call for projects, stored as its content item's JSON (title, summary and address are
/// the item's). Dates are UTC here, typed and shown in Europe/Paris.
/// </summary>
public sealed class CallFields
{
    /// <summary>"PNV", "ADNI", "Cultures connectées": also the showcases' programme of the projects it funds.</summary>
    public string Programme { get; set; } = "";

    public int Year { get; set; }

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";

    /// <summary>Values of <see cref="Services.ApplicantTypes"/>.</summary>
    public List<string> EligibleApplicants { get; set; } = [];

    /// <summary>Markdown: what the grant may pay for.</summary>
    public string EligibleExpenses { get; set; } = "";

    /// <summary>"Région Hauts-de-France (5 départements)".</summary>
    public string Territory { get; set; } = "";

    /// <summary>Euros, for the whole call.</summary>
    public decimal? TotalEnvelope { get; set; }

    /// <summary>Euros: no application may request more.</summary>
    public decimal? MaxAmountPerProject { get; set; }

    /// <summary>Percent of the project's total budget (for example 50): the amount requested may not exceed it.</summary>
    public decimal? MaxFundingRatePercent { get; set; }

    public DateTime OpensUtc { get; set; }

    /// <summary>The deadline: a submission at this instant or later is refused.</summary>
    public DateTime ClosesUtc { get; set; }

    /// <summary>Regulations, templates: PDFs of the media library.</summary>
    public List<CallDocument> Documents { get; set; } = [];

    public List<CallCriterion> Criteria { get; set; } = [];

    /// <summary>The call's own questions, asked in the form's "Questions" step.</summary>
    public List<CallQuestion> Questions { get; set; } = [];

    /// <summary>Values of the tenant's "domains" vocabulary the call addresses (empty: all).</summary>
    public List<string> Domains { get; set; } = [];

    public string ContactEmail { get; set; } = "";
}

/// <param name="MediaId">A PDF of the tenant's media library.</param>
public sealed record CallDocument(int MediaId, string Title);

/// <param name="Key">Stable within the call ("innovation"), referenced by reviews' scores.</param>
/// <param name="Weight">Multiplies the criterion's score in the weighted total.</param>
/// <param name="MaxScore">Scores go from 0 to this.</param>
public sealed record CallCriterion(string Key, string Label, string Description, decimal Weight, int MaxScore);

/// <param name="Key">Stable within the call, the key of the application's answer.</param>
/// <param name="Required">Whether the applicant must answer before submitting.</param>
/// <param name="MaxLength">Characters allowed in the answer.</param>
public sealed record CallQuestion(string Key, string Label, string Help, bool Required, int MaxLength = 2_000);
