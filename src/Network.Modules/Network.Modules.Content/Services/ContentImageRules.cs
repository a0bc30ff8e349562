using Network.Modules.Media;

namespace Network.Modules.Content.Services;

/// <summary>The format rules of an image a content item shows (alternative text unless decorative, lengths).</summary>
public static class ContentImageRules
{
    public static IEnumerable<(string Field, string Message)> Validate(ImageRef image, string altField, string creditField, int altMaxLength, int creditMaxLength)
    {
        var alt = image.Alt ?? "";
        if (!image.Decorative && alt.Trim().Length == 0)
            yield return (altField, "Décrivez l'image (texte alternatif), ou indiquez qu'elle est décorative.");
        if (image.Decorative && alt.Length > 0)
            yield return (altField, "Une image décorative n'a pas de texte alternatif : videz le champ ou décochez « décorative ».");
        if (alt.Length > altMaxLength) yield return (altField, $"Le texte alternatif ne peut dépasser {altMaxLength} caractères.");
        if ((image.Credit ?? "").Length > creditMaxLength) yield return (creditField, $"Le crédit ne peut dépasser {creditMaxLength} caractères.");
    }
}
