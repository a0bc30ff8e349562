using System.Globalization;

namespace Network.Modules.Calls.Services;

/// <summary>The identifiers of French organisations an application gives: SIRET (with its checksum) and RNA.</summary>
public static class OrganisationNumbers
{
    /// <summary>La Poste's SIREN: its establishments' SIRETs fail the Luhn check, so INSEE checks their digit sum instead.</summary>
    public const string LaPosteSiren = "356000000";

    /// <summary>What people type, without spaces and dots ("732 829 320 00074" → "73282932000074"), upper-cased.</summary>
    public static string Normalize(string? value)
        => new string((value ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-' and not '\u202F').ToArray()).ToUpperInvariant();

    /// <summary>
    /// 14 digits whose Luhn checksum holds, or a La Poste establishment whose digit sum is a multiple of 5 (INSEE's rule
    /// for La Poste's many establishments; its head office, 356 000 000 00048, passes Luhn).
    /// </summary>
    public static bool IsValidSiret(string? value)
    {
        if (value is not { Length: 14 } || !value.All(char.IsAsciiDigit)) return false;
        if (value.StartsWith(LaPosteSiren, StringComparison.Ordinal) && value.Sum(c => c - '0') % 5 == 0) return true;
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var digit = value[13 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9) digit -= 9;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /// <summary>An association's number in the national register (RNA): "W" followed by 9 digits.</summary>
    public static bool IsValidRna(string? value)
        => value is { Length: 10 } && value[0] == 'W' && value.Skip(1).All(char.IsAsciiDigit);

    /// <summary>"73282932000074" → "732 829 320 00074", as the INSEE shows it.</summary>
    public static string FormatSiret(string siret)
        => siret.Length == 14 ? string.Create(CultureInfo.InvariantCulture, $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}") : siret;
}
