using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Network.Core.Privacy;
using Network.Modules.Accounts.Data;

namespace Network.Modules.Accounts.Pages.Compte;

/// <summary>
/// The account's personal data (<c>/compte/donnees</c>): download everything held about the account as one JSON
/// document (the account's own fields and roles, then a section per <see cref="IPersonalDataSource"/> of the modules),
/// and delete the account: with the password, every source erases what it holds, then the account and its roles go
/// and the session ends.
/// </summary>
[Authorize]
public sealed class DonneesModel(
    UserManager<NetworkUser> users, SignInManager<NetworkUser> signIn, AccountsDbContext accounts, IEnumerable<IPersonalDataSource> sources,
    TimeProvider clock, ILogger<DonneesModel> logger) : AccountPageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [BindProperty]
    public DeleteAccountInput Input { get; set; } = new();

    public IReadOnlyList<string> Sections => sources.Select(s => s.Section).Distinct().ToList();

    public async Task<IActionResult> OnGetAsync() => await users.GetUserAsync(User) is null ? Challenge() : Page();

    /// <summary>The JSON document, as a download (GET: a link works without JavaScript and changes nothing).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var account = await users.GetUserAsync(User);
        if (account is null) return Challenge();
        var roles = await accounts.TenantRoleAssignments.AsNoTracking().Where(a => a.UserId == account.Id)
            .OrderBy(a => a.TenantName).ThenBy(a => a.Role).Select(a => new { site = a.TenantName, role = a.Role, depuis = a.GrantedUtc }).ToListAsync(cancellationToken);
        var document = new Dictionary<string, object?>
        {
            ["exporteLe"] = clock.GetUtcNow().UtcDateTime,
            ["compte"] = new
            {
                id = account.Id, courriel = account.Email, courrielConfirme = account.EmailConfirmed, nomAffiche = account.DisplayName,
                langue = account.PreferredCulture, creeLe = account.CreatedUtc, roles,
            },
        };
        foreach (var source in sources)
            document[source.Section] = await source.ExportAsync(account.Id, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(document, Json), "application/json", "mes-donnees.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var account = await users.GetUserAsync(User);
        if (account is null) return Challenge();
        if (!ModelState.IsValid) return Page();
        if (!await users.CheckPasswordAsync(account, Input.Password!))
        {
            ModelState.AddModelError("Input.Password", "Le mot de passe est incorrect : rien n'a été supprimé.");
            return Page();
        }
        // Each source erases what it holds first: if one fails, the account still exists and the person can try again.
        foreach (var source in sources) await source.EraseAsync(account.Id, cancellationToken);
        var result = await users.DeleteAsync(account);
        if (!result.Succeeded)
        {
            AddErrors(result, "Input.Password");
            return Page();
        }
        logger.LogInformation("Account {UserId} deleted by its owner.", account.Id);
        await signIn.SignOutAsync();
        return Redirect(HomeUrl + "?compte-supprime=1");
    }
}

public sealed class DeleteAccountInput
{
    [Required(ErrorMessage = "Indiquez votre mot de passe pour confirmer.")]
    [StringLength(200, ErrorMessage = "Le mot de passe ne doit pas dépasser 200 caractères.")]
    public string? Password { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Cochez la case pour confirmer que vous voulez supprimer votre compte.")]
    public bool Confirm { get; set; }
}
