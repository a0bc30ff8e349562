using System.Globalization;
using System.Text;

namespace Network.Core.Text;

/// <summary>French text folded for comparison and sorting: lower case, accents removed, ligatures spelled out.</summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            switch (c)
            {
                case 'œ' or 'Œ': builder.Append("oe"); break;
                case 'æ' or 'Æ': builder.Append("ae"); break;
                case 'ß': builder.Append("ss"); break;
                case '’' or 'ʼ' or '‘': builder.Append('\''); break;
                default: builder.Append(char.ToLowerInvariant(c)); break;
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
