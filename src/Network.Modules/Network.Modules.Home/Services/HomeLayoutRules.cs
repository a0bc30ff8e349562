using Network.Core.Modules;
using Network.Core.Tenancy;

namespace Network.Modules.Home.Services;

/// <summary>The limits of a home layout and of each block's settings, and the checks every write goes through.</summary>
public static class HomeLayoutRules
{
    public const int MaxBlocks = 20;
    public const int TitleMaxLength = 120;
    public const int TextMaxLength = 10_000;
    public const int LinkLabelMaxLength = 80;
    public const int LinkUrlMaxLength = 500;
    public const int MinCount = 1;
    public const int MaxCount = 12;

    /// <summary>
    /// Checks one block against its type and the tenant: (field, French message) for each problem. The type must be
    /// offered to the tenant (a module it enables, a scope that applies). Only settings the type declares may be set.
    /// </summary>
    /// <param name="allowUndeclared">Recipes only: accept a type no module of this build declares (a module of a later version
    /// will render it; until then the page skips it).</param>
    public static List<(string Field, string Message)> Validate(HomeBlock block, TenantInfo tenant, ModuleCatalog modules, bool allowUndeclared = false)
    {
        var problems = new List<(string, string)>();
        var type = modules.HomeBlockTypes(tenant).FirstOrDefault(t => t.Id == block.Type);
        if (type is null)
        {
            var known = modules.AllHomeBlockTypes.Any(t => t.Type.Id == block.Type);
            if (!known && allowUndeclared && IsWellFormedTypeId(block.Type)) return problems;
            problems.Add(("Type", known
                ? $"le bloc « {block.Type} » appartient à un module qui n'est pas activé sur ce site"
                : $"type de bloc inconnu « {block.Type} »"));
            return problems;
        }
        return ValidateSettings(block, type);
    }

    /// <summary>Checks the settings of a block of <paramref name="type"/>: only those the type declares, within their limits.</summary>
    public static List<(string Field, string Message)> ValidateSettings(HomeBlock block, HomeBlockType type)
    {
        var problems = new List<(string, string)>();
        var settings = type.Settings;
        if (block.Title is not null)
        {
            if (!settings.HasFlag(HomeBlockSettings.Title)) problems.Add(("Title", "ce bloc n'a pas de titre"));
            else if (block.Title.Length > TitleMaxLength) problems.Add(("Title", $"le titre fait au plus {TitleMaxLength} caractères"));
        }
        if (block.Text is not null)
        {
            if (!settings.HasFlag(HomeBlockSettings.Text)) problems.Add(("Text", "ce bloc n'a pas de texte"));
            else if (block.Text.Length > TextMaxLength) problems.Add(("Text", $"le texte fait au plus {TextMaxLength} caractères"));
        }
        if (block.ImageId is not null && !settings.HasFlag(HomeBlockSettings.Image)) problems.Add(("ImageId", "ce bloc n'a pas d'image"));
        if (block.LinkLabel is not null || block.LinkUrl is not null)
        {
            if (!settings.HasFlag(HomeBlockSettings.Link)) problems.Add(("LinkUrl", "ce bloc n'a pas de lien"));
            else
            {
                if (string.IsNullOrWhiteSpace(block.LinkLabel)) problems.Add(("LinkLabel", "donnez le texte du lien, ou retirez son adresse"));
                else if (block.LinkLabel.Length > LinkLabelMaxLength) problems.Add(("LinkLabel", $"le texte du lien fait au plus {LinkLabelMaxLength} caractères"));
                if (string.IsNullOrWhiteSpace(block.LinkUrl)) problems.Add(("LinkUrl", "donnez l'adresse du lien, ou retirez son texte"));
                else if (block.LinkUrl.Length > LinkUrlMaxLength) problems.Add(("LinkUrl", $"l'adresse fait au plus {LinkUrlMaxLength} caractères"));
                else if (!IsSafeLink(block.LinkUrl)) problems.Add(("LinkUrl", "l'adresse doit commencer par « / » (une page du site) ou par http:// ou https://"));
            }
        }
        if (block.Count is { } count)
        {
            if (!settings.HasFlag(HomeBlockSettings.Count)) problems.Add(("Count", "ce bloc n'a pas de nombre d'éléments"));
            else if (count is < MinCount or > MaxCount) problems.Add(("Count", $"le nombre d'éléments va de {MinCount} à {MaxCount}"));
        }
        return problems;
    }

    /// <summary>Block type ids are lowercase words joined by hyphens ("news-latest").</summary>
    public static bool IsWellFormedTypeId(string id)
        => id.Length is > 0 and <= 40 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && id[0] != '-' && id[^1] != '-';

    /// <summary>A path of the tenant ("/projets", not "//elsewhere") or an absolute http(s) URL; nothing else (javascript:, data:…).</summary>
    public static bool IsSafeLink(string url)
    {
        if (url.Any(char.IsControl) || url.Any(char.IsWhiteSpace)) return false;
        if (url.StartsWith('/')) return !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host);
    }

    /// <summary>The address to render: tenant paths get the tenant's path base.</summary>
    public static string Href(string url, string pathBase) => url.StartsWith('/') ? pathBase + url : url;
}
