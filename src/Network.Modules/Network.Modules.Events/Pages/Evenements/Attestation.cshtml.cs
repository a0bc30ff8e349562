using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Evenements;

/// <summary>
/// <c>/evenements/inscription/{token}/attestation</c>: the attendee's own certificate, reached from their personal link
/// without signing in. A wrong token, or a person not marked present, gets the same 404: the page tells nothing.
/// </summary>
public sealed class OwnCertificateModel(AttendanceCertificates certificates) : PageModel
{
    public AttendanceCertificate Certificate { get; private set; } = null!;

    /// <summary>The personal link's secret, to go back to the registration page.</summary>
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        // A personal link is a secret: not for search engines, not for other sites' Referer headers.
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (await certificates.FindByTokenAsync(token, cancellationToken) is not { } certificate) return NotFound();
        Certificate = certificate;
        Token = token;
        return Page();
    }
}
