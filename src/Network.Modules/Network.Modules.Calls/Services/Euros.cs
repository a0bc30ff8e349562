using System.Globalization;

namespace Network.Modules.Calls.Services;

/// <summary>Amounts in euros as the reader's language writes them ("40 000 €", "€40,000"), cents only when there are some.</summary>
public static class Euros
{
    public static string Format(decimal amount, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = "€";
        if (culture.TwoLetterISOLanguageName == "fr") format.CurrencyPositivePattern = 3; // "n €"
        return amount.ToString(decimal.Truncate(amount) == amount ? "C0" : "C2", format);
    }

    public static string Format(decimal? amount, CultureInfo? culture = null) => amount is { } value ? Format(value, culture) : "—";

    /// <summary>Euros written the French or the English way: "15000", "15 000", "15 000,50", "15000.50 €"; null when empty.</summary>
    public static bool TryParse(string? text, out decimal? amount)
    {
        amount = null;
        var value = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '€').ToArray()).Replace(',', '.');
        if (value.Length == 0) return true;
        if (value.Length > 20 || !decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)) return false;
        amount = decimal.Parse(Math.Round(parsed, 2).ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>The value an input shows back ("15000.5"), invariant so it parses again.</summary>
    public static string Input(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
