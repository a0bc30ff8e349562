using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.Pages.Compte.Candidatures;

/// <summary>
/// What the application form posts, as typed (amounts are text until they parse). Only the current step's fields are
/// posted; <see cref="ApplyTo"/> copies that step's fields onto the stored form and leaves the others as they were.
/// </summary>
public sealed class ApplicationInput
{
    public string? OrganisationName { get; set; }
    public string? LegalForm { get; set; }
    public string? Siret { get; set; }
    public string? Rna { get; set; }
    public string? AddressLine { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }

    public string? ContactName { get; set; }
    public string? ContactRole { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    public string? ProjectTitle { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public List<string> Domains { get; set; } = [];
    public List<string> Technologies { get; set; } = [];
    public List<PartnerRow> Partners { get; set; } = [];
    public string? Timeline { get; set; }

    public string? TotalBudget { get; set; }
    public string? AmountRequested { get; set; }
    public List<CoFundingRow> CoFunding { get; set; } = [];

    public Dictionary<string, string?> Answers { get; set; } = [];

    public bool PrivacyNoticeRead { get; set; }
    public bool Certified { get; set; }

    public static ApplicationInput From(ApplicationForm f) => new()
    {
        OrganisationName = f.OrganisationName,
        LegalForm = f.LegalForm,
        Siret = f.Siret,
        Rna = f.Rna,
        AddressLine = f.AddressLine,
        PostalCode = f.PostalCode,
        City = f.City,
        ContactName = f.ContactName,
        ContactRole = f.ContactRole,
        ContactEmail = f.ContactEmail,
        ContactPhone = f.ContactPhone,
        ProjectTitle = f.ProjectTitle,
        Summary = f.Summary,
        Description = f.Description,
        Domains = [.. f.Domains],
        Technologies = [.. f.Technologies],
        Partners = f.Partners.Select(p => new PartnerRow { Name = p.Name, Role = p.Role }).ToList(),
        Timeline = f.Timeline,
        TotalBudget = Euros.Input(f.TotalBudget),
        AmountRequested = Euros.Input(f.AmountRequested),
        CoFunding = f.CoFunding.Select(c => new CoFundingRow { Funder = c.Funder, Amount = Euros.Input(c.Amount), Obtained = c.Obtained }).ToList(),
        Answers = f.Answers.ToDictionary(a => a.Key, a => (string?)a.Value),
        PrivacyNoticeRead = f.PrivacyNoticeRead,
        Certified = f.Certified,
    };

    /// <summary>
    /// Copies the fields of <paramref name="step"/> onto <paramref name="f"/>, cleaned (trimmed, empty rows dropped, values
    /// outside the vocabularies left out); what cannot be read (an amount in letters) is reported and left empty.
    /// </summary>
    public List<FormProblem> ApplyTo(ApplicationForm f, int step, CallFields call, ISet<string> domainValues, ISet<string> technologyValues)
    {
        var problems = new List<FormProblem>();
        switch (step)
        {
            case ApplicationSteps.Structure:
                f.OrganisationName = Line(OrganisationName);
                f.LegalForm = Line(LegalForm);
                f.Siret = OrganisationNumbers.Normalize(Siret);
                f.Rna = OrganisationNumbers.Normalize(Rna);
                f.AddressLine = Line(AddressLine);
                f.PostalCode = Line(PostalCode).Replace(" ", "", StringComparison.Ordinal);
                f.City = Line(City);
                break;
            case ApplicationSteps.Contact:
                f.ContactName = Line(ContactName);
                f.ContactRole = Line(ContactRole);
                f.ContactEmail = Line(ContactEmail);
                f.ContactPhone = Line(ContactPhone);
                break;
            case ApplicationSteps.Project:
                f.ProjectTitle = Line(ProjectTitle);
                f.Summary = Text(Summary);
                f.Description = Text(Description);
                f.Timeline = Text(Timeline);
                Partners = Partners.Where(p => !p.IsEmpty).Take(ApplicationRules.MaxRows + 1).ToList();
                f.Partners = Partners.Select(p => new ApplicationPartner(Line(p.Name), Line(p.Role))).ToList();
                var domains = Chosen(Domains);
                var technologies = Chosen(Technologies);
                if (domains.Any(d => !domainValues.Contains(d)))
                    problems.Add(new(step, "Form.Domains", "Ce domaine ne fait pas partie de la liste proposée."));
                if (technologies.Any(t => !technologyValues.Contains(t)))
                    problems.Add(new(step, "Form.Technologies", "Cette technologie ne fait pas partie de la liste proposée."));
                f.Domains = domains.Where(domainValues.Contains).ToList();
                f.Technologies = technologies.Where(technologyValues.Contains).ToList();
                break;
            case ApplicationSteps.Budget:
                f.TotalBudget = Amount(TotalBudget, "Form.TotalBudget", problems);
                f.AmountRequested = Amount(AmountRequested, "Form.AmountRequested", problems);
                CoFunding = CoFunding.Where(c => !c.IsEmpty).Take(ApplicationRules.MaxRows + 1).ToList();
                f.CoFunding = CoFunding.Select((c, i) => new ApplicationCoFunding(Line(c.Funder), Amount(c.Amount, $"Form.CoFunding[{i}].Amount", problems) ?? 0m, c.Obtained)).ToList();
                break;
            case ApplicationSteps.Questions:
                // Only the call's questions are kept: a forged key is not stored.
                f.Answers = call.Questions.ToDictionary(q => q.Key, q => Text(Answers.GetValueOrDefault(q.Key)));
                break;
            case ApplicationSteps.Summary:
                f.PrivacyNoticeRead = PrivacyNoticeRead;
                f.Certified = Certified;
                break;
        }
        return problems;
    }

    private static List<string> Chosen(List<string> posted)
        => posted.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).Take(50).ToList();

    private static decimal? Amount(string? text, string key, List<FormProblem> problems)
    {
        if (Euros.TryParse(text, out var amount)) return amount;
        problems.Add(new(ApplicationSteps.Budget, key, "Indiquez un montant en euros, en chiffres (par exemple 15000 ou 15 000,50)."));
        return null;
    }

    private static string Line(string? text) => (text ?? "").Trim();

    private static string Text(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();
}

public sealed class PartnerRow
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Role);
}

public sealed class CoFundingRow
{
    public string? Funder { get; set; }
    public string? Amount { get; set; }
    public bool Obtained { get; set; }
    public bool IsEmpty => string.IsNullOrWhiteSpace(Funder) && string.IsNullOrWhiteSpace(Amount);
}
