using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Security;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Admin.Evenements.Participants;

/// <summary><c>/admin/evenements/{id}/attestations/{registrationId}</c>: the printable certificate of a present attendee (404 for anyone else).</summary>
[RequirePermission("ManageEvents")]
public sealed class CertificateModel(AttendanceCertificates certificates) : PageModel
{
    public AttendanceCertificate Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int registrationId, CancellationToken cancellationToken)
    {
        if (await certificates.FindAsync(id, registrationId, cancellationToken) is not { } certificate) return NotFound();
        Certificate = certificate;
        return Page();
    }
}
