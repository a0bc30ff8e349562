using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Network.Modules.Accounts.Services;

namespace Network.Modules.Accounts.Pages.Compte;

/// <summary>"Check your inbox": the same answer whether or not the address has an account.</summary>
public sealed class CourrielEnvoyeModel(IOptions<AccountsOptions> options) : AccountPageModel
{
    public int LinkHours => Math.Max(1, (int)Math.Round(options.Value.TokenLifespan.TotalHours));

    public const string SignUp = "inscription";
    public const string Confirmation = "confirmation";
    public const string PasswordReset = "mot-de-passe";

    [BindProperty(SupportsGet = true)]
    public string? Motif { get; set; }

    public void OnGet()
    {
        if (Motif is not (SignUp or Confirmation or PasswordReset)) Motif = SignUp;
    }
}
