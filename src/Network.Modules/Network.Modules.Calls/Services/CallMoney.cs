using System.Globalization;

namespace Network.Modules.Calls.Services;

/// <summary>Euro amounts as the reader's language writes them, without cents when there are none ("40 000 €", "€40,000").</summary>
public static class CallMoney
{
    public static string Format(decimal amount, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var euros = (NumberFormatInfo)culture.NumberFormat.Clone();
        euros.CurrencySymbol = "€";
        if (culture.TwoLetterISOLanguageName == "fr") euros.CurrencyPositivePattern = 3; // "n €"
        return amount.ToString(decimal.Truncate(amount) == amount ? "C0" : "C2", euros);
    }
}
