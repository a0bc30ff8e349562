using System.Text.RegularExpressions;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Menus.Data;

namespace Network.Modules.Menus.Services;

/// <summary>The rules an entry's label and target follow, shared by the editor and the recipe step.</summary>
public static partial class MenuTargets
{
    /// <summary>Whitespace collapsed; null when the label is too long.</summary>
    public static string CleanLabel(string? label) => string.Join(' ', (label ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string? CheckLabel(string clean, bool required, string what = "le libellé")
    {
        if (required && clean.Length == 0) return $"Indiquez {what} de l'entrée.";
        if (clean.Length > MenuRules.LabelMaxLength) return $"Un libellé ne peut dépasser {MenuRules.LabelMaxLength} caractères.";
        return null;
    }

    /// <summary>An absolute http(s) address; anything else (javascript:, data:, relative) is refused.</summary>
    public static (string Url, string? Error) CheckUrl(string? url)
    {
        var clean = (url ?? "").Trim();
        if (clean.Length == 0) return ("", "Indiquez l'adresse du lien, commençant par https:// ou http://.");
        if (clean.Length > MenuRules.TargetMaxLength) return ("", $"L'adresse ne peut dépasser {MenuRules.TargetMaxLength} caractères.");
        if (!Uri.TryCreate(clean, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host)
            || clean.Any(char.IsWhiteSpace) || clean.Any(char.IsControl))
            return ("", "L'adresse doit être une adresse web complète commençant par https:// ou http:// (les autres types de liens sont refusés).");
        return (clean, null);
    }

    /// <summary>A tenant-relative address of the site ("/contact", "/a-propos/equipe"): no scheme, host, query or "..".</summary>
    public static (string Path, string? Error) CheckPath(string? path)
    {
        var clean = (path ?? "").Trim();
        if (clean.Length == 0) return ("", "Indiquez l'adresse de la page du site, commençant par / (par exemple /contact).");
        if (clean.Length > MenuRules.TargetMaxLength) return ("", $"L'adresse ne peut dépasser {MenuRules.TargetMaxLength} caractères.");
        if (!SitePath().IsMatch(clean) || clean.Contains("//", StringComparison.Ordinal) || clean.Split('/').Any(s => s is "." or ".."))
            return ("", "L'adresse d'une page du site commence par / et ne contient que des lettres non accentuées, des chiffres, des tirets et des barres obliques (par exemple /contact).");
        return (clean.Length > 1 ? clean.TrimEnd('/') : clean, null);
    }

    /// <summary>The navigation entry a module offers at <paramref name="path"/>, enabled for the tenant or not.</summary>
    public static (NetworkModule Module, NavigationItem Item)? FindModuleList(ModuleCatalog modules, string? path)
    {
        var wanted = path?.Trim();
        foreach (var entry in modules.AllNavigation)
            if (string.Equals(entry.Item.Path, wanted, StringComparison.OrdinalIgnoreCase)) return entry;
        return null;
    }

    /// <summary>The module lists a coordinator of <paramref name="tenant"/> may put in the menu (enabled modules only).</summary>
    public static IReadOnlyList<(NetworkModule Module, NavigationItem Item)> ModuleLists(ModuleCatalog modules, TenantInfo tenant)
        => modules.AllNavigation.Where(n => modules.IsEnabled(tenant, n.Module.Id)).ToList();

    [GeneratedRegex("^/[A-Za-z0-9._~/-]*$")]
    private static partial Regex SitePath();
}
