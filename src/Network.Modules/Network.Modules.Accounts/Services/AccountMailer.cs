using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;

namespace Network.Modules.Accounts.Services;

/// <summary>
/// Composes the account e-mails (plain text and HTML, in the person's language) and queues them in the outbox,
/// on the caller's database session so they commit with the change that caused them.
/// </summary>
public sealed class AccountMailer(IMailOutbox outbox, LocalizationCatalog localization, IOptions<AccountsOptions> options)
{
    private int LinkHours => Math.Max(1, (int)Math.Round(options.Value.TokenLifespan.TotalHours));

    public Task SendConfirmationAsync(NetworkUser user, TenantInfo tenant, string confirmationLink, CancellationToken cancellationToken = default)
    {
        var mail = new MailText(localization, user.PreferredCulture);
        mail.Paragraph("Bonjour {0},", user.DisplayName);
        mail.Paragraph("Vous avez créé un compte sur {0}. Pour l'activer, confirmez votre adresse électronique en ouvrant ce lien :", tenant.SiteName);
        mail.Link(confirmationLink);
        mail.Paragraph("Ce lien est valable {0} heures. Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : aucun compte ne sera activé.", LinkHours);
        return EnqueueAsync(user, tenant, mail, "Confirmez votre adresse électronique", cancellationToken);
    }

    /// <summary>Sent instead of a confirmation when someone signs up with an address that already has an account.</summary>
    public Task SendAlreadyRegisteredAsync(NetworkUser user, TenantInfo tenant, string signInLink, string passwordResetLink, CancellationToken cancellationToken = default)
    {
        var mail = new MailText(localization, user.PreferredCulture);
        mail.Paragraph("Bonjour {0},", user.DisplayName);
        mail.Paragraph("Quelqu'un, peut-être vous, a demandé à créer un compte sur {0} avec cette adresse. Vous avez déjà un compte : connectez-vous ici :", tenant.SiteName);
        mail.Link(signInLink);
        mail.Paragraph("Si vous avez oublié votre mot de passe, choisissez-en un nouveau ici :");
        mail.Link(passwordResetLink);
        mail.Paragraph("Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre compte n'a pas été modifié.");
        return EnqueueAsync(user, tenant, mail, "Vous avez déjà un compte", cancellationToken);
    }

    public Task SendPasswordResetAsync(NetworkUser user, TenantInfo tenant, string resetLink, CancellationToken cancellationToken = default)
    {
        var mail = new MailText(localization, user.PreferredCulture);
        mail.Paragraph("Bonjour {0},", user.DisplayName);
        mail.Paragraph("Une demande de nouveau mot de passe a été faite pour votre compte sur {0}. Pour choisir un nouveau mot de passe, ouvrez ce lien :", tenant.SiteName);
        mail.Link(resetLink);
        mail.Paragraph("Ce lien est valable {0} heures et ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne change pas.", LinkHours);
        return EnqueueAsync(user, tenant, mail, "Choisissez un nouveau mot de passe", cancellationToken);
    }

    private Task EnqueueAsync(NetworkUser user, TenantInfo tenant, MailText mail, string subject, CancellationToken cancellationToken)
    {
        mail.Paragraph("L'équipe de {0}", tenant.OperatorName.Length > 0 ? tenant.OperatorName : tenant.SiteName);
        return outbox.EnqueueAsync(new OutgoingMail(
            user.Email!,
            $"[{tenant.SiteName}] {mail.Translate(subject)}",
            mail.Text,
            mail.Html,
            tenant.Name,
            user.DisplayName), cancellationToken);
    }

    /// <summary>Builds the text and HTML bodies side by side; every value is HTML-encoded in the HTML body.</summary>
    private sealed class MailText(LocalizationCatalog localization, string culture)
    {
        private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(LocalizationCatalog.SupportedCultures.Contains(culture) ? culture : LocalizationCatalog.DefaultCulture);
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _html = new();

        public string Text => _text.ToString();

        public string Html => $"<!DOCTYPE html><html lang=\"{_culture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"></head><body>{_html}</body></html>";

        public string Translate(string text) => localization.Translate(text, _culture) ?? text;

        public void Paragraph(string format, params object[] arguments)
        {
            var translated = Translate(format);
            _text.Append(string.Format(_culture, translated, arguments)).Append("\n\n");
            _html.Append("<p>")
                .Append(string.Format(_culture, WebUtility.HtmlEncode(translated), arguments.Select(a => (object)WebUtility.HtmlEncode(Convert.ToString(a, _culture) ?? "")).ToArray()))
                .Append("</p>");
        }

        public void Link(string url)
        {
            _text.Append(url).Append("\n\n");
            var encoded = WebUtility.HtmlEncode(url);
            _html.Append("<p><a href=\"").Append(encoded).Append("\">").Append(encoded).Append("</a></p>");
        }
    }
}
