using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Network.Themes.Public.Pages;

/// <summary>
/// The DSFR error page for every status the site answers with (404, 403, 500, 503 for tenants being set up...).
/// It reads nothing from tenant databases and never shows exception details.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)] // after the global validation policy (order 1000): a re-executed failed POST (expired form) must still get its error page
public sealed class ErrorPageModel : PageModel
{
    private static readonly Dictionary<int, (string Title, string Lead, string? Detail)> Messages = new()
    {
        [400] = ("Requête incorrecte", "La demande envoyée au site n'a pas pu être traitée.", "Le formulaire a peut-être expiré : revenez à la page précédente, rechargez-la et recommencez."),
        [403] = ("Accès refusé", "Vous n'avez pas les droits nécessaires pour consulter cette page.", "Si vous pensez qu'il s'agit d'une erreur, contactez la coordination du site."),
        [404] = ("Page non trouvée", "La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.", "Si vous avez tapé l'adresse web dans le navigateur, vérifiez qu'elle est correcte. La page n'est peut-être plus disponible."),
        [429] = ("Trop de demandes", "Vous avez envoyé trop de demandes en peu de temps.", "Patientez une minute avant de réessayer."),
        [500] = ("Erreur inattendue", "Désolé, le service rencontre un problème, nous travaillons pour le résoudre le plus rapidement possible.", "Essayez de rafraîchir la page ou bien réessayez plus tard."),
        [503] = ("Site en cours d'initialisation", "Ce site est en cours de préparation et sera disponible dans quelques instants.", "Réessayez dans quelques secondes."),
    };

    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Lead { get; private set; } = "";
    public string? Detail { get; private set; }

    // No handler methods: re-executed requests of any method (a failed POST, a PUT...) render the same page.
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var value) ? value : 404;
        // Only error statuses: /erreur/200 is not a page.
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        (Title, Lead, Detail) = Messages.TryGetValue(Code, out var message)
            ? message
            : Code >= 500
                ? Messages[500]
                : ("Erreur", "La demande n'a pas pu aboutir.", null);
    }
}
