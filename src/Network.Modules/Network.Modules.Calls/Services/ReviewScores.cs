using System.Globalization;
using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>
/// Reading a reviewer's scores: a number from 0 to the criterion's maximum, in steps of a half point (a jury often
/// hesitates between two marks; finer steps would only pretend to a precision nobody has). Both "7,5" and "7.5" are read.
/// </summary>
public static class ReviewScores
{
    public const decimal Step = 0.5m;

    /// <summary>The score, or a French error (a format whose {0} is the maximum); an empty value is no score yet (null, no error).</summary>
    public static (decimal? Score, string? Error) Parse(string? raw, int maxScore)
    {
        if (string.IsNullOrWhiteSpace(raw)) return (null, null);
        var text = raw.Trim().Replace(',', '.');
        if (text.Length > 12 || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score))
            return (null, "Saisissez un nombre (par exemple 7 ou 7,5).");
        if (score < 0 || score > maxScore) return (null, "La note doit être comprise entre 0 et {0}.");
        if (score % Step != 0) return (null, "La note se donne au demi-point près (par exemple 7 ou 7,5).");
        return (score, null);
    }

    /// <summary>A score as the form shows it again ("7,5" in French).</summary>
    public static string Format(decimal? score, IFormatProvider? culture = null) => score?.ToString("0.#", culture ?? CultureInfo.CurrentCulture) ?? "";
}
