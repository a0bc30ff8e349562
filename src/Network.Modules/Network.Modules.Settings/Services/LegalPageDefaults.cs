using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Settings.Data;

namespace Network.Modules.Settings.Services;

/// <summary>
/// The texts a tenant's legal pages start with, naming its operator, contact address and SIRET. They are generated
/// from the current settings until a coordinator writes the page (a page of the Pages module with the same role), so a change of operator or address shows at once.
/// </summary>
public static class LegalPageDefaults
{
    public static LegalPageText For(string slug, TenantInfo tenant) => slug switch
    {
        LegalPageSlugs.Accessibility => new LegalPageText("Déclaration d'accessibilité", AccessibilityFr(tenant), "Accessibility statement", AccessibilityEn(tenant), AccessibilityConformance.NonConforme, default),
        LegalPageSlugs.LegalNotice => new LegalPageText("Mentions légales", LegalNoticeFr(tenant), "Legal notice", LegalNoticeEn(tenant), null, default),
        LegalPageSlugs.PersonalData => new LegalPageText("Données personnelles et cookies", PersonalDataFr(tenant), "Personal data and cookies", PersonalDataEn(tenant), null, default),
        _ => throw new ArgumentOutOfRangeException(nameof(slug), slug, "Unknown legal page."),
    };

    private static string Operator(TenantInfo tenant) => string.IsNullOrWhiteSpace(tenant.OperatorName) ? tenant.DisplayName : tenant.OperatorName;

    private static string Mail(TenantInfo tenant) => string.IsNullOrWhiteSpace(tenant.ContactEmail) ? "" : $"[{tenant.ContactEmail}](mailto:{tenant.ContactEmail})";

    private static string AccessibilityFr(TenantInfo tenant) => $"""
        ## Résultats des tests

        Aucun audit de conformité au référentiel général d'amélioration de l'accessibilité (RGAA) n'a encore été mené sur ce site. Ses pages sont construites avec le Système de design de l'État (DSFR) et chaque évolution est vérifiée automatiquement avec l'outil axe-core.

        ## Contenus non accessibles

        ### Non-conformités

        Les non-conformités relevées seront publiées ici à l'issue du premier audit.

        ### Dérogations pour charge disproportionnée

        Aucune dérogation n'est invoquée.

        ### Contenus non soumis à l'obligation d'accessibilité

        Les documents bureautiques publiés avant le 23 septembre 2018 et les contenus de tiers qui ne sont ni financés, ni développés, ni contrôlés par l'éditeur du site.

        ## Établissement de cette déclaration

        ### Technologies utilisées

        - HTML5
        - CSS
        - JavaScript, en amélioration seulement : le site reste utilisable sans.

        ### Environnement des vérifications

        Les vérifications automatiques sont faites avec le navigateur Chromium et la bibliothèque axe-core, sur les pages publiques et sur l'administration.

        ## Retour d'information et contact

        Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez l'éditeur du site ({Operator(tenant)}) : nous vous orienterons vers une solution accessible ou vous fournirons le contenu sous une autre forme.

        - Par courriel : {Mail(tenant)}

        ## Voies de recours

        Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service du site, et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :

        - par le formulaire en ligne : [formulaire.defenseurdesdroits.fr](https://formulaire.defenseurdesdroits.fr/) ;
        - en contactant le délégué du Défenseur des droits de votre région : [defenseurdesdroits.fr](https://www.defenseurdesdroits.fr/) ;
        - par courrier, gratuitement et sans timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
        """;

    private static string AccessibilityEn(TenantInfo tenant) => $"""
        ## Test results

        No audit against the French accessibility standard (RGAA) has been carried out on this site yet. Its pages are built with the French government design system (DSFR) and every change is checked automatically with the axe-core tool.

        ## Content that is not accessible

        ### Non-compliance

        Issues found will be listed here after the first audit.

        ### Exemptions for disproportionate burden

        No exemption is claimed.

        ### Content outside the scope of the law

        Office documents published before 23 September 2018, and third-party content that is neither funded, developed nor controlled by {Operator(tenant)}.

        ## How this statement was prepared

        ### Technologies

        - HTML5
        - CSS
        - JavaScript, as an enhancement only: the site works without it.

        ### Test environment

        Automatic checks run in the Chromium browser with the axe-core library, on the public pages and on the administration.

        ## Feedback and contact

        If you cannot access some content or service, contact {Operator(tenant)}: we will point you to an accessible alternative or provide the content in another form.

        - By e-mail: {Mail(tenant)}

        ## Remedies

        If you reported an accessibility issue that prevents you from using the site and did not get a satisfactory answer, you may refer the matter to the Défenseur des droits (French rights ombudsman):

        - through the online form: [formulaire.defenseurdesdroits.fr](https://formulaire.defenseurdesdroits.fr/);
        - through the ombudsman's delegate in your region: [defenseurdesdroits.fr](https://www.defenseurdesdroits.fr/);
        - by post, free of charge and without a stamp: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.
        """;

    private static string LegalNoticeFr(TenantInfo tenant)
    {
        var siret = string.IsNullOrWhiteSpace(tenant.Siret) ? "" : $"\n- SIRET : {tenant.Siret}";
        return $"""
            ## Éditeur

            Le site {tenant.SiteName} est édité par : {Operator(tenant)}.
            {siret}
            - Contact : {Mail(tenant)}

            ## Direction de la publication

            La direction de la publication est assurée par le directeur ou la directrice de l'organisme éditeur.

            ## Hébergement

            Le site est hébergé pour le compte de l'éditeur. Les coordonnées de l'hébergeur sont communiquées sur simple demande à l'adresse {Mail(tenant)}.

            ## Réseau Culture et Numérique

            Ce site fait partie du réseau Culture et Numérique, qui relie les sites des directions régionales des affaires culturelles et le site national. Les comptes des utilisateurs sont communs à tous les sites du réseau.

            ## Réutilisation des contenus

            Sauf mention contraire, les textes de ce site sont publiés sous la licence ouverte Etalab 2.0 : vous pouvez les réutiliser librement, y compris à des fins commerciales, à condition d'en citer la source. Les images, les logos et le bloc-marque de l'État ne sont pas couverts par cette licence.

            ## Liens vers d'autres sites

            Les liens vers des sites extérieurs sont proposés pour information ; l'éditeur du site n'est pas responsable de leur contenu.
            """;
    }

    private static string LegalNoticeEn(TenantInfo tenant)
    {
        var siret = string.IsNullOrWhiteSpace(tenant.Siret) ? "" : $"\n- SIRET: {tenant.Siret}";
        return $"""
            ## Publisher

            {tenant.SiteName} is published by {Operator(tenant)}.
            {siret}
            - Contact: {Mail(tenant)}

            ## Publication director

            Publication is directed by the head of {Operator(tenant)}.

            ## Hosting

            The site is hosted on behalf of {Operator(tenant)}. The hosting provider's details are available on request at {Mail(tenant)}.

            ## The Culture and Digital network

            This site belongs to the Culture and Digital network, which links the sites of the regional cultural affairs offices (DRAC) and the national site. User accounts are shared by every site of the network.

            ## Reuse of content

            Unless stated otherwise, the texts of this site are published under the Etalab 2.0 open licence: you may reuse them freely, including for commercial purposes, provided you credit the source. Images, logos and the State's brand block are not covered by this licence.

            ## Links to other sites

            Links to external sites are given for information; {Operator(tenant)} is not responsible for their content.
            """;
    }

    private static string PersonalDataFr(TenantInfo tenant) => $"""
        ## Responsable des traitements

        {Operator(tenant)} est responsable des traitements de données personnelles mis en œuvre sur ce site.

        ## Données traitées et finalités

        - **Votre compte** : adresse électronique, nom affiché et mot de passe (conservé uniquement sous forme d'empreinte irréversible), pour vous connecter, contribuer et recevoir les messages liés à votre compte.
        - **Vos rôles** : les rôles qui vous sont confiés sur les sites du réseau (membre, contribution, jury, coordination), pour vous donner accès aux fonctions correspondantes.
        - **Les messages envoyés** : confirmation d'adresse, réinitialisation du mot de passe et notifications, conservés le temps de leur envoi.
        - **Les messages du formulaire de contact** : votre nom, votre adresse électronique et votre message, transmis par courriel à l'équipe du site pour vous répondre ; la copie gardée par le service d'envoi est effacée après 30 jours, l'équipe conserve votre message le temps de traiter votre demande et au plus un an. Vous ne recevez pas de copie.

        ## Base légale

        Ces traitements sont nécessaires à l'exécution d'une mission d'intérêt public dont est investi le ministère de la Culture (article 6, paragraphe 1, point e du règlement général sur la protection des données).

        ## Durée de conservation

        Les données de votre compte sont conservées tant que votre compte existe. Vous pouvez en demander la suppression à tout moment.

        ## Destinataires

        Seules les personnes habilitées de l'éditeur du site et les administrateurs du réseau y ont accès. Aucune donnée n'est cédée ni utilisée à des fins commerciales.

        ## Vos droits

        Vous pouvez accéder à vos données, les rectifier, les effacer, en limiter le traitement ou vous y opposer, en écrivant à {Mail(tenant)}. Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la [CNIL](https://www.cnil.fr/fr/plaintes).

        ## Cookies

        Ce site ne dépose que des cookies strictement nécessaires à son fonctionnement. Ils sont dispensés de consentement : c'est pourquoi aucun bandeau ne vous le demande. Aucun cookie de mesure d'audience ni de publicité n'est utilisé.

        - **.Network.Account** : garde votre session ouverte lorsque vous êtes connecté (14 jours au plus sans visite).
        - **.Network.Antiforgery** : protège les formulaires contre les envois frauduleux (jusqu'à la fermeture du navigateur).
        - **.Network.Culture** : retient la langue choisie (1 an).
        - **.Network.Display** : retient le thème d'affichage choisi (1 an).

        Le script du Système de design de l'État garde aussi le thème d'affichage choisi dans le stockage local de votre navigateur.
        """;

    private static string PersonalDataEn(TenantInfo tenant) => $"""
        ## Data controller

        {Operator(tenant)} is the controller of the personal data processed on this site.

        ## Data and purposes

        - **Your account**: e-mail address, display name and password (stored only as an irreversible hash), so you can sign in, contribute and receive messages about your account.
        - **Your roles**: the roles you hold on the sites of the network (member, contributor, jury, coordination), to give you access to the matching features.
        - **Messages sent to you**: address confirmation, password reset and notifications, kept until they are sent.
        - **Contact form messages**: your name, e-mail address and message, passed on by e-mail to the site's team so they can answer you; the copy kept by the mail service is deleted after 30 days, and the team keeps your message while handling your request and for one year at most. You do not receive a copy.

        ## Legal basis

        This processing is necessary for a task carried out in the public interest by the Ministry of Culture (Article 6(1)(e) of the General Data Protection Regulation).

        ## Retention

        Your account data is kept for as long as your account exists. You may ask for its deletion at any time.

        ## Recipients

        Only authorised staff of {Operator(tenant)} and the network administrators have access. No data is sold or used for commercial purposes.

        ## Your rights

        You may access, correct or erase your data, restrict its processing or object to it by writing to {Mail(tenant)}. If, after contacting us, you believe your rights are not respected, you may lodge a complaint with the [CNIL](https://www.cnil.fr/fr/plaintes).

        ## Cookies

        This site only sets cookies that are strictly necessary for it to work. They do not require consent, which is why no banner asks for it. No audience measurement or advertising cookie is used.

        - **.Network.Account**: keeps you signed in (at most 14 days without a visit).
        - **.Network.Antiforgery**: protects forms against forged submissions (until the browser is closed).
        - **.Network.Culture**: remembers the chosen language (1 year).
        - **.Network.Display**: remembers the chosen display theme (1 year).

        The French government design system script also keeps the chosen display theme in your browser's local storage.
        """;
}
