using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Pages.Data;
using Network.Modules.Settings.Services;

namespace Network.Modules.Pages.Legal;

/// <summary>
/// The text a role page shows (and its editor starts from) until a coordinator writes it: the legal pages' texts of
/// the Settings module, and the contact page's introduction, all generated from the tenant's current settings.
/// </summary>
public static class RolePageDefaults
{
    public static LegalPageText For(string role, TenantInfo tenant)
        => role == PageRoles.Contact ? Contact(tenant) : LegalPageDefaults.For(role, tenant);

    private static LegalPageText Contact(TenantInfo tenant)
    {
        var site = string.IsNullOrWhiteSpace(tenant.SiteName) ? tenant.DisplayName : tenant.SiteName;
        var operatorName = string.IsNullOrWhiteSpace(tenant.OperatorName) ? tenant.DisplayName : tenant.OperatorName;
        return new LegalPageText("Nous contacter", $"""
            Une question sur {site}, un projet à faire connaître, une remarque sur le site ? Écrivez-nous avec le formulaire ci-dessous : l'équipe qui anime le site ({operatorName}) lit chaque message et vous répond par courriel, en général sous une semaine.
            """, "Contact us", $"""
            A question about {site}, a project to share, a remark about the site? Write to us with the form below: the team running the site ({operatorName}) reads every message and answers by e-mail, usually within a week.
            """, null, default);
    }
}
