using System.Net.Mail;
using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>
/// A problem with an application's form: the field's key as posted ("Form.Siret"), a French format string and its
/// arguments (localized where shown: <c>T[Format, Args]</c>), and the step where the field is.
/// </summary>
public sealed record FormProblem(int Step, string Field, string Format, params object[] Args);

/// <summary>
/// The checks of an application's form against its call: each step's on its own (when the applicant moves on) and
/// all of them at submission, so the same rules decide both.
/// </summary>
public static class ApplicationRules
{
    public const int ShortTextMaxLength = 200;
    public const int SummaryMaxLength = 1_000;
    public const int TextMaxLength = 20_000;
    public const int MaxRows = 20;

    public static IEnumerable<FormProblem> ForStep(int step, ApplicationForm f, CallFields call) => step switch
    {
        ApplicationSteps.Structure => Structure(f, call),
        ApplicationSteps.Contact => Contact(f),
        ApplicationSteps.Project => Project(f),
        ApplicationSteps.Budget => Budget(f, call),
        ApplicationSteps.Questions => Questions(f, call),
        _ => [],
    };

    /// <summary>Everything a submission needs, including the two boxes of the last step.</summary>
    public static IReadOnlyList<FormProblem> ForSubmission(ApplicationForm f, CallFields call)
    {
        var problems = Enumerable.Range(0, ApplicationSteps.Count).SelectMany(step => ForStep(step, f, call)).ToList();
        if (!f.PrivacyNoticeRead)
            problems.Add(new(ApplicationSteps.Summary, "Form.PrivacyNoticeRead", "Cochez la case indiquant que vous avez pris connaissance de l'information sur vos données personnelles."));
        if (!f.Certified)
            problems.Add(new(ApplicationSteps.Summary, "Form.Certified", "Cochez la case certifiant l'exactitude des informations."));
        return problems;
    }

    private static IEnumerable<FormProblem> Structure(ApplicationForm f, CallFields call)
    {
        const int s = ApplicationSteps.Structure;
        if (f.OrganisationName.Length == 0) yield return new(s, "Form.OrganisationName", "Indiquez le nom de la structure.");
        else if (f.OrganisationName.Length > ShortTextMaxLength) yield return new(s, "Form.OrganisationName", "Le nom de la structure ne peut dépasser {0} caractères.", ShortTextMaxLength);
        if (!ApplicantTypes.IsKnown(f.LegalForm)) yield return new(s, "Form.LegalForm", "Choisissez la forme juridique dans la liste.");
        else if (call.EligibleApplicants.Count > 0 && !call.EligibleApplicants.Contains(f.LegalForm))
            yield return new(s, "Form.LegalForm", "Cet appel n'est pas ouvert à ce type de structure. Structures éligibles : {0}.", string.Join(", ", call.EligibleApplicants.Select(ApplicantTypes.Label)));
        if (f.Siret.Length > 0)
        {
            if (f.Siret.Length != 14 || !f.Siret.All(char.IsAsciiDigit)) yield return new(s, "Form.Siret", "Le SIRET compte 14 chiffres (par exemple 732 829 320 00074).");
            else if (!OrganisationNumbers.IsValidSiret(f.Siret)) yield return new(s, "Form.Siret", "Ce SIRET n'existe pas : sa clé de contrôle est fausse. Vérifiez les 14 chiffres.");
        }
        else if (f.Rna.Length > 0)
        {
            if (!OrganisationNumbers.IsValidRna(f.Rna)) yield return new(s, "Form.Rna", "Le numéro RNA s'écrit W suivi de 9 chiffres (par exemple W595012345).");
            else if (f.LegalForm != "association") yield return new(s, "Form.Rna", "Seules les associations peuvent se présenter avec leur numéro RNA : indiquez le SIRET de la structure.");
        }
        else yield return new(s, "Form.Siret", "Indiquez le SIRET de la structure, ou le numéro RNA pour une association sans SIRET.");
        if (f.AddressLine.Length == 0) yield return new(s, "Form.AddressLine", "Indiquez l'adresse de la structure.");
        else if (f.AddressLine.Length > ShortTextMaxLength) yield return new(s, "Form.AddressLine", "L'adresse ne peut dépasser {0} caractères.", ShortTextMaxLength);
        if (f.PostalCode.Length != 5 || !f.PostalCode.All(char.IsAsciiDigit)) yield return new(s, "Form.PostalCode", "Le code postal compte 5 chiffres.");
        if (f.City.Length == 0) yield return new(s, "Form.City", "Indiquez la commune.");
        else if (f.City.Length > ShortTextMaxLength) yield return new(s, "Form.City", "La commune ne peut dépasser {0} caractères.", ShortTextMaxLength);
    }

    private static IEnumerable<FormProblem> Contact(ApplicationForm f)
    {
        const int s = ApplicationSteps.Contact;
        if (f.ContactName.Length == 0) yield return new(s, "Form.ContactName", "Indiquez le nom de la personne à contacter.");
        else if (f.ContactName.Length > ShortTextMaxLength) yield return new(s, "Form.ContactName", "Le nom ne peut dépasser {0} caractères.", ShortTextMaxLength);
        if (f.ContactRole.Length > ShortTextMaxLength) yield return new(s, "Form.ContactRole", "La fonction ne peut dépasser {0} caractères.", ShortTextMaxLength);
        if (f.ContactEmail.Length == 0) yield return new(s, "Form.ContactEmail", "Indiquez l'adresse électronique de la personne à contacter.");
        else if (f.ContactEmail.Length > CallRules.EmailMaxLength || !MailAddress.TryCreate(f.ContactEmail, out var address) || address.Address != f.ContactEmail || !f.ContactEmail.Contains('.', StringComparison.Ordinal))
            yield return new(s, "Form.ContactEmail", "L'adresse électronique n'est pas valide (format attendu : nom@domaine.fr).");
        if (f.ContactPhone.Length > 0 && (f.ContactPhone.Length > 30 || f.ContactPhone.Count(char.IsAsciiDigit) < 8 || f.ContactPhone.Any(c => !char.IsAsciiDigit(c) && c is not ' ' and not '+' and not '.' and not '-' and not '(' and not ')')))
            yield return new(s, "Form.ContactPhone", "Le numéro de téléphone n'est pas valide (par exemple 03 20 00 00 00).");
    }

    private static IEnumerable<FormProblem> Project(ApplicationForm f)
    {
        const int s = ApplicationSteps.Project;
        if (f.ProjectTitle.Length == 0) yield return new(s, "Form.ProjectTitle", "Indiquez le titre du projet.");
        else if (f.ProjectTitle.Length > CallRules.TitleMaxLength) yield return new(s, "Form.ProjectTitle", "Le titre ne peut dépasser {0} caractères.", CallRules.TitleMaxLength);
        if (f.Summary.Length == 0) yield return new(s, "Form.Summary", "Résumez le projet en quelques phrases.");
        else if (f.Summary.Length > SummaryMaxLength) yield return new(s, "Form.Summary", "Le résumé ne peut dépasser {0} caractères.", SummaryMaxLength);
        if (f.Description.Length == 0) yield return new(s, "Form.Description", "Décrivez le projet.");
        else if (f.Description.Length > TextMaxLength) yield return new(s, "Form.Description", "La description ne peut dépasser {0} caractères.", TextMaxLength);
        if (f.Timeline.Length > TextMaxLength) yield return new(s, "Form.Timeline", "Le calendrier ne peut dépasser {0} caractères.", TextMaxLength);
        if (f.Partners.Count > MaxRows) yield return new(s, "Form.Partners", "Indiquez au plus {0} partenaires.", MaxRows);
        for (var i = 0; i < f.Partners.Count; i++)
        {
            if (f.Partners[i].Name.Length == 0) yield return new(s, $"Form.Partners[{i}].Name", "Indiquez le nom du partenaire {0}.", i + 1);
            else if (f.Partners[i].Name.Length > ShortTextMaxLength) yield return new(s, $"Form.Partners[{i}].Name", "Le nom du partenaire {0} ne peut dépasser {1} caractères.", i + 1, ShortTextMaxLength);
            if (f.Partners[i].Role.Length > ShortTextMaxLength) yield return new(s, $"Form.Partners[{i}].Role", "Le rôle du partenaire {0} ne peut dépasser {1} caractères.", i + 1, ShortTextMaxLength);
        }
    }

    private static IEnumerable<FormProblem> Budget(ApplicationForm f, CallFields call)
    {
        const int s = ApplicationSteps.Budget;
        if (f.TotalBudget is not { } total || total <= 0) yield return new(s, "Form.TotalBudget", "Indiquez le budget total du projet, en euros.");
        if (f.AmountRequested is not { } requested || requested <= 0) yield return new(s, "Form.AmountRequested", "Indiquez le montant demandé, en euros.");
        else
        {
            if (call.MaxAmountPerProject is { } max && requested > max)
                yield return new(s, "Form.AmountRequested", "Le montant demandé ne peut dépasser {0}, le plafond de cet appel.", Euros.Format(max));
            if (f.TotalBudget is { } budget && budget > 0)
            {
                if (requested > budget) yield return new(s, "Form.AmountRequested", "Le montant demandé ne peut dépasser le budget total du projet.");
                else if (call.MaxFundingRatePercent is { } rate && requested > Math.Round(budget * rate / 100m, 2))
                    yield return new(s, "Form.AmountRequested", "Le montant demandé ne peut dépasser {0} % du budget total, soit {1}.", rate.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture), Euros.Format(Math.Round(budget * rate / 100m, 2)));
            }
        }
        if (f.CoFunding.Count > MaxRows) yield return new(s, "Form.CoFunding", "Indiquez au plus {0} cofinancements.", MaxRows);
        for (var i = 0; i < f.CoFunding.Count; i++)
        {
            if (f.CoFunding[i].Funder.Length == 0) yield return new(s, $"Form.CoFunding[{i}].Funder", "Indiquez le financeur de la ligne {0}.", i + 1);
            else if (f.CoFunding[i].Funder.Length > ShortTextMaxLength) yield return new(s, $"Form.CoFunding[{i}].Funder", "Le financeur de la ligne {0} ne peut dépasser {1} caractères.", i + 1, ShortTextMaxLength);
            if (f.CoFunding[i].Amount <= 0) yield return new(s, $"Form.CoFunding[{i}].Amount", "Indiquez le montant de la ligne {0}, en euros.", i + 1);
        }
    }

    private static IEnumerable<FormProblem> Questions(ApplicationForm f, CallFields call)
    {
        const int s = ApplicationSteps.Questions;
        foreach (var question in call.Questions)
        {
            var answer = f.Answers.GetValueOrDefault(question.Key) ?? "";
            if (question.Required && answer.Trim().Length == 0) yield return new(s, AnswerField(question.Key), "Répondez à la question « {0} ».", question.Label);
            else if (answer.Length > question.MaxLength) yield return new(s, AnswerField(question.Key), "La réponse à la question « {0} » ne peut dépasser {1} caractères.", question.Label, question.MaxLength);
        }
    }

    /// <summary>The posted name of a question's answer.</summary>
    public static string AnswerField(string key) => $"Form.Answers[{key}]";
}
