using Network.Core.Tenancy;

namespace Network.Modules.Calls.Services;

/// <summary>The identifiers of French organisations an application gives: SIRET (Core's <see cref="Siret"/>) and RNA.</summary>
public static class OrganisationNumbers
{
    /// <summary>What people type, without spaces and dots ("732 829 320 00074" → "73282932000074"), upper-cased.</summary>
    public static string Normalize(string? value) => Siret.Normalize(value);

    /// <summary>14 digits with their Luhn key, or a La Poste establishment (see <see cref="Siret.IsValid"/>).</summary>
    public static bool IsValidSiret(string? value) => value is { Length: 14 } && Siret.IsValid(value);

    /// <summary>An association's number in the national register (RNA): "W" followed by 9 digits.</summary>
    public static bool IsValidRna(string? value)
        => value is { Length: 10 } && value[0] == 'W' && value.Skip(1).All(char.IsAsciiDigit);

    /// <summary>"73282932000074" → "732 829 320 00074", as the INSEE shows it.</summary>
    public static string FormatSiret(string siret) => Siret.Format(siret);
}
