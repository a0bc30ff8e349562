using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Security;
using Network.Modules.Directory.Data;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory.Pages.Admin.Annuaire;

/// <summary>The reported contact conversations of the tenant, with their messages, for the coordinators; each report can be closed.</summary>
[RequirePermission(DirectoryModule.ManagePermission)]
public sealed class ContactReportsModel(ContactRelay relay) : PageModel
{
    public IReadOnlyList<(ContactReport Report, ContactThread Thread, IReadOnlyList<ContactMessage> Messages)> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reports = await relay.OpenReportsAsync(cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(int reportId, CancellationToken cancellationToken)
    {
        if (!await relay.CloseReportAsync(reportId, cancellationToken)) return NotFound();
        return Redirect((Request.PathBase.Value ?? "") + "/admin/annuaire/signalements?ferme=1");
    }
}
