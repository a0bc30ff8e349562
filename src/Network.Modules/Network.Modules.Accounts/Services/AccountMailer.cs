using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;
using Network.Modules.Mail.Composition;

namespace Network.Modules.Accounts.Services;

/// <summary>
/// The account e-mails, in the person's language, with links to the pages of the tenant where they were
/// asked for. They are queued on the caller's database session: they commit with the change that caused them.
/// </summary>
public sealed class AccountMailer(IMailOutbox outbox, MailComposer composer, IOptions<AccountsOptions> options)
{
    public const string ConfirmationPath = "/compte/confirmation";
    public const string PasswordResetPath = "/compte/reinitialiser-mot-de-passe";

    private int LinkHours => Math.Max(1, (int)Math.Round(options.Value.TokenLifespan.TotalHours));

    public Task SendConfirmationAsync(NetworkUser user, TenantInfo tenant, string token, CancellationToken cancellationToken = default)
    {
        var mail = Draft(user, tenant)
            .Subject("Confirmez votre adresse électronique sur {0}", tenant.SiteName)
            .Heading("Confirmez votre adresse électronique")
            .Paragraph("Vous avez créé un compte sur {0}. Pour l'activer, confirmez votre adresse électronique en ouvrant ce lien.", tenant.SiteName)
            .Link("Confirmer mon adresse électronique", WithToken(ConfirmationPath, user.Id, token))
            .Paragraph("Ce lien est valable {0} heures. Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : aucun compte ne sera activé.", LinkHours)
            .Build();
        return outbox.EnqueueAsync(mail, cancellationToken);
    }

    /// <summary>Sent instead of a confirmation when someone signs up with an address that already has an account.</summary>
    public Task SendAlreadyRegisteredAsync(NetworkUser user, TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        var mail = Draft(user, tenant)
            .Subject("Vous avez déjà un compte sur {0}", tenant.SiteName)
            .Heading("Vous avez déjà un compte")
            .Paragraph("Quelqu'un, peut-être vous, a demandé à créer un compte sur {0} avec cette adresse. Elle a déjà un compte : il suffit de vous connecter.", tenant.SiteName)
            .Link("Me connecter", "/compte/connexion")
            .Paragraph("Si vous avez oublié votre mot de passe, vous pouvez en choisir un nouveau.")
            .Link("Choisir un nouveau mot de passe", "/compte/mot-de-passe-oublie")
            .Paragraph("Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre compte n'a pas été modifié.")
            .Build();
        return outbox.EnqueueAsync(mail, cancellationToken);
    }

    public Task SendPasswordResetAsync(NetworkUser user, TenantInfo tenant, string token, CancellationToken cancellationToken = default)
    {
        var mail = Draft(user, tenant)
            .Subject("Nouveau mot de passe pour {0}", tenant.SiteName)
            .Heading("Choisissez un nouveau mot de passe")
            .Paragraph("Une demande de nouveau mot de passe a été faite pour votre compte sur {0}.", tenant.SiteName)
            .Link("Choisir un nouveau mot de passe", WithToken(PasswordResetPath, user.Id, token))
            .Paragraph("Ce lien est valable {0} heures et ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne change pas.", LinkHours)
            .Build();
        return outbox.EnqueueAsync(mail, cancellationToken);
    }

    private MailDraft Draft(NetworkUser user, TenantInfo tenant) => composer.Create(tenant, user.Email!, user.DisplayName, user.PreferredCulture);

    private static string WithToken(string path, string userId, string token)
        => QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
        {
            [AccountLinks.UserIdParameter] = userId,
            [AccountLinks.TokenParameter] = AccountLinks.EncodeToken(token),
        });
}
