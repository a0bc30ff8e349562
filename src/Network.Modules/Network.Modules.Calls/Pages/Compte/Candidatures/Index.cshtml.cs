using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.Pages.Compte.Candidatures;

/// <summary>"Mes candidatures" (<c>/compte/candidatures</c>): the account's applications in this site, each with its call and status.</summary>
[Authorize]
public sealed class MyApplicationsModel(ApplicationDrafts drafts) : PageModel
{
    public IReadOnlyList<MyApplication> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Applications = await drafts.MineAsync(ApplicationAccess.UserIdOf(User)!, cancellationToken: cancellationToken);
    }

    /// <summary>The French label of an application's status for its applicant (the decision only once results are published).</summary>
    public static (string Label, string Badge) StatusOf(MyApplication m)
    {
        var a = m.Application;
        if (m.Round?.ResultsPublishedUtc is not null && a.Status == ApplicationStatus.Submitted)
        {
            switch (a.Decision)
            {
                case ApplicationDecision.Accepted: return ("Retenue", "fr-badge--success");
                case ApplicationDecision.Waitlisted: return ("Sur liste d'attente", "fr-badge--info");
                case ApplicationDecision.Rejected: return ("Non retenue", "fr-badge--error");
            }
        }
        return a.Status switch
        {
            ApplicationStatus.Draft => ("Brouillon", "fr-badge--new"),
            ApplicationStatus.Reopened => ("Rouverte pour correction", "fr-badge--warning"),
            _ => ("Déposée", "fr-badge--success"),
        };
    }
}
