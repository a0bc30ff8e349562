using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;

namespace Network.Modules.Content.Pages.Admin;

/// <summary>What the content admin pages share: the tenant, the signed-in person as a workflow actor, the status messages.</summary>
public abstract class ContentAdminPageModel : PageModel
{
    protected TenantInfo Tenant => HttpContext.RequestServices.GetRequiredService<TenantContext>().Required;

    public ContentActor Actor { get; private set; } = new("", "", false, false, false);

    /// <summary>A message after a successful change (redirect-after-post).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Why the last submission was refused (no single field); shown in an error alert.</summary>
    public string? FormError { get; protected set; }

    /// <summary>The submission was based on an outdated version: nothing was written.</summary>
    public bool Conflict { get; protected set; }

    protected async Task<ContentActor> LoadActorAsync()
        => Actor = await HttpContext.RequestServices.GetRequiredService<ContentActors>().ForAsync(User);

    /// <summary>Ends a refused submission: the page again, with the given status and nothing changed.</summary>
    protected IActionResult Refused(int statusCode)
    {
        Response.StatusCode = statusCode;
        return Page();
    }

    protected static readonly string InvalidRequest = "La demande n'est pas valide : rechargez la page et recommencez.";
}
