using System.Globalization;
using Network.Core.Localization;
using Network.Core.Tenancy;

namespace Network.Modules.Mail.Composition;

/// <summary>
/// Starts a message that a module writes on behalf of a tenant: texts are given in French (the source
/// language, like every UI string) and translated through the modules' en.json when the recipient reads
/// English; links are absolute URLs of the tenant's own pages.
/// </summary>
/// <example>
/// var mail = composer.Create(tenant, user.Email, user.DisplayName, user.PreferredCulture)
///     .Subject("Confirmez votre adresse sur {0}", tenant.SiteName)
///     .Paragraph("Pour activer votre compte, confirmez votre adresse électronique.")
///     .Link("Confirmer mon adresse électronique", "/compte/confirmation?code=" + Uri.EscapeDataString(code))
///     .Build();
/// await outbox.EnqueueAsync(mail);
/// </example>
public sealed class MailComposer(LocalizationCatalog localization, TenantUrls urls)
{
    /// <param name="culture">The recipient's culture ("en" gives English); when unknown, the tenant's default culture.</param>
    public MailDraft Create(TenantInfo tenant, string to, string? toName = null, string? culture = null)
    {
        var chosen = culture ?? tenant.DefaultCulture;
        var name = chosen.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : LocalizationCatalog.DefaultCulture;
        return new MailDraft(tenant, to, toName, CultureInfo.GetCultureInfo(name), localization, urls);
    }
}
