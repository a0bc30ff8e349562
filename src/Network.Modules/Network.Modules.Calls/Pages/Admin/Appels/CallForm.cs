using Microsoft.AspNetCore.Http;

namespace Network.Modules.Calls.Pages.Admin.Appels;

/// <summary>
/// The call's own fields as the editor posts them (bound as <c>Form.*</c>). Numbers and dates arrive as text and are
/// read by <see cref="CallEditorModel"/>, so "abc" as an amount gets a clear message instead of a binding failure.
/// Dates are typed in Paris time (a date and a time), stored in UTC.
/// </summary>
public sealed class CallForm
{
    public string? Programme { get; set; }
    public string? Year { get; set; }
    public string? Description { get; set; }
    public List<string> EligibleApplicants { get; set; } = [];
    public string? EligibleExpenses { get; set; }
    public string? Territory { get; set; }
    public string? TotalEnvelope { get; set; }
    public string? MaxAmountPerProject { get; set; }
    public string? MaxFundingRatePercent { get; set; }
    public string? OpensDate { get; set; }
    public string? OpensTime { get; set; }
    public string? ClosesDate { get; set; }
    public string? ClosesTime { get; set; }
    public List<CallDocumentRow> Documents { get; set; } = [];
    public NewCallDocumentInput NewDocument { get; set; } = new();
    public List<CriterionRow> Criteria { get; set; } = [];
    public List<QuestionRow> Questions { get; set; } = [];
    public List<string> Domains { get; set; } = [];
    public string? ContactEmail { get; set; }
}

/// <summary>A document of the call: a PDF of the tenant's media library, its title on the call's page, or its removal.</summary>
public sealed class CallDocumentRow
{
    public int MediaId { get; set; }
    public string? Title { get; set; }
    public bool Remove { get; set; }
}

/// <summary>A PDF to add: uploaded to the media library, or one already there by its number.</summary>
public sealed class NewCallDocumentInput
{
    public IFormFile? File { get; set; }
    public string? MediaNumber { get; set; }
    public string? Title { get; set; }

    public bool IsEmpty => (File is null || File.Length == 0) && string.IsNullOrWhiteSpace(MediaNumber);
}

public sealed class CriterionRow
{
    /// <summary>Empty: made from the label.</summary>
    public string? Key { get; set; }
    public string? Label { get; set; }
    public string? Description { get; set; }
    public string? Weight { get; set; }
    public string? MaxScore { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Description);
}

public sealed class QuestionRow
{
    /// <summary>Empty: made from the label.</summary>
    public string? Key { get; set; }
    public string? Label { get; set; }
    public string? Help { get; set; }
    public bool Required { get; set; }
    public string? MaxLength { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Help);
}
