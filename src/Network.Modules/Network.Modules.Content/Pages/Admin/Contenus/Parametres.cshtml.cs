using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Modules.Content.Data;

namespace Network.Modules.Content.Pages.Admin.Contenus;

/// <summary>The tenant's publication rule: may contributors publish their own items without moderation?</summary>
[RequirePermission("ModerateContent")]
public sealed class ParametresModel(ContentDbContext db, IStringLocalizer T) : ContentAdminPageModel
{
    public bool AllowSelfPublishing { get; private set; }

    public async Task OnGetAsync() => AllowSelfPublishing = await CurrentAsync();

    /// <param name="previous">The value the form showed: if it changed since, nothing is written (two coordinators at once).</param>
    public async Task<IActionResult> OnPostAsync(bool? allowSelfPublishing, bool? previous)
    {
        var current = await CurrentAsync();
        AllowSelfPublishing = current;
        if (!ModelState.IsValid || previous is null)
        {
            FormError = T[InvalidRequest];
            return Refused(StatusCodes.Status400BadRequest);
        }
        if (previous != current)
        {
            Conflict = true;
            FormError = T["Ce réglage a été modifié par quelqu'un d'autre depuis que vous avez ouvert la page. Rien n'a été enregistré : voici sa valeur actuelle."];
            return Refused(StatusCodes.Status409Conflict);
        }
        var wanted = allowSelfPublishing ?? false;
        var settings = await db.Settings.FirstOrDefaultAsync();
        if (settings is null) db.Settings.Add(settings = new ContentSettings());
        settings.AllowSelfPublishing = wanted;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two first saves at once: the other one created the row.
            db.ChangeTracker.Clear();
            AllowSelfPublishing = await CurrentAsync();
            Conflict = true;
            FormError = T["Ce réglage a été modifié par quelqu'un d'autre depuis que vous avez ouvert la page. Rien n'a été enregistré : voici sa valeur actuelle."];
            return Refused(StatusCodes.Status409Conflict);
        }
        StatusMessage = wanted
            ? T["Les contributeurs peuvent désormais publier eux-mêmes leurs contenus."]
            : T["Les contenus des contributeurs passent désormais par la coordination avant publication."];
        return RedirectToPage();
    }

    private async Task<bool> CurrentAsync() => (await db.Settings.AsNoTracking().FirstOrDefaultAsync())?.AllowSelfPublishing ?? false;
}
