using Network.Core.Localization;
using Network.Core.Tenancy;
using Network.Modules.Calls.Data;
using Network.Modules.Content.Data;
using Network.Modules.Content.Syndication;

namespace Network.Modules.Calls.Services;

/// <summary>The calls' feeds (<c>/appels/rss.xml</c>, <c>/appels/atom.xml</c>): the dates first, then the description; the operator as author.</summary>
public sealed class CallFeed(CallType type) : ContentFeedDefinition<CallFields>(type)
{
    public override string Description(TenantInfo tenant) => tenant.IsHub
        ? "Les appels à projets partagés par les régions du réseau."
        : $"Les appels à projets de {tenant.DisplayName}.";

    protected override ContentFeedParts PartsOf(ContentItem item, CallFields fields, TenantInfo owner)
    {
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        var dates = $"**Ouverture :** {ParisTime.Format(fields.OpensUtc, french)} — **clôture :** {ParisTime.Format(fields.ClosesUtc, french)} (heure de Paris)";
        var categories = new List<(string, string)>();
        if (fields.Programme.Trim().Length > 0) categories.Add((CallType.ProgrammeValue(fields.Programme), fields.Programme.Trim()));
        if (fields.Year > 0) categories.Add((fields.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), fields.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new(Publisher(owner), dates + "\n\n" + fields.Description, categories);
    }
}
