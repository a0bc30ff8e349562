using System.Net.Mail;
using Network.Core.Localization;

namespace Network.Core.Tenancy;

/// <summary>Validation of tenant settings shared by recipes, the admin form and the command line.</summary>
public static class TenantSettingsRules
{
    /// <returns>(field, message in French) for each problem; null arguments are not checked.</returns>
    public static List<(string Field, string Message)> Check(string? displayName, string? contactEmail, string? siret, string? defaultCulture, IReadOnlyList<string>? blocMarque)
    {
        var problems = new List<(string, string)>();
        if (displayName is not null && (displayName.Trim().Length == 0 || displayName.Length > 120))
            problems.Add(("displayName", "le nom affiché doit faire entre 1 et 120 caractères"));
        if (!string.IsNullOrEmpty(contactEmail) && !IsEmail(contactEmail))
            problems.Add(("contactEmail", "adresse électronique invalide"));
        if (!string.IsNullOrEmpty(siret) && !Siret.IsValid(siret))
            problems.Add(("siret", "SIRET invalide (14 chiffres, clé de Luhn)"));
        if (defaultCulture is not null && !LocalizationCatalog.SupportedCultures.Contains(defaultCulture))
            problems.Add(("defaultCulture", "langue non prise en charge (fr ou en)"));
        if (blocMarque is not null && (blocMarque.Count is < 1 or > 4 || blocMarque.Any(l => l.Length > 60)))
            problems.Add(("blocMarque", "le bloc-marque compte de 1 à 4 lignes de 60 caractères au plus"));
        return problems;
    }

    public static bool IsEmail(string value)
        => value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}

/// <summary>SIRET: 14 digits with a Luhn key (La Poste's establishments are the documented exception).</summary>
public static class Siret
{
    /// <summary>La Poste's SIREN: its establishments' SIRETs fail the Luhn check, so INSEE checks their digit sum instead.</summary>
    public const string LaPosteSiren = "356000000";

    /// <summary>What people type, without spaces, dots and dashes ("732 829 320 00074" → "73282932000074"), upper-cased.</summary>
    public static string Normalize(string? value)
        => new string((value ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-' and not '\u202F').ToArray()).ToUpperInvariant();

    /// <summary>
    /// 14 digits (spaces allowed) whose Luhn checksum holds, or a La Poste establishment whose digit sum is a multiple
    /// of 5 (INSEE's rule for La Poste's many establishments; its head office, 356 000 000 00048, passes Luhn).
    /// </summary>
    public static bool IsValid(string? value)
    {
        var digits = (value ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length != 14 || !digits.All(char.IsAsciiDigit)) return false;
        if (digits.StartsWith(LaPosteSiren, StringComparison.Ordinal) && digits.Sum(c => c - '0') % 5 == 0) return true;
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var d = digits[13 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>"73282932000074" → "732 829 320 00074", as the INSEE shows it.</summary>
    public static string Format(string siret)
        => siret.Length == 14 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}") : siret;
}
