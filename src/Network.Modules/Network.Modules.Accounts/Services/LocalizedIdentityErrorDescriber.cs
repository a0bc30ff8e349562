using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Network.Modules.Accounts.Services;

/// <summary>Identity's validation messages in French (English through the localizer), worded for the people who read them.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer T) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string text, params object[] arguments)
        => new() { Code = code, Description = arguments.Length == 0 ? T[text] : T[text, arguments] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Une erreur inattendue s'est produite.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Le compte a été modifié entre-temps ; recommencez.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Le mot de passe actuel est incorrect.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Ce lien n'est plus valide : il a expiré ou a déjà servi.");
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Cette connexion est déjà associée à un compte.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "L'adresse « {0} » n'est pas valide.", userName ?? "");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "L'adresse « {0} » n'est pas valide.", email ?? "");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Un compte utilise déjà cette adresse.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Un compte utilise déjà cette adresse.");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "Le rôle « {0} » n'est pas valide.", role ?? "");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "Le rôle « {0} » existe déjà.", role);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Ce compte a déjà un mot de passe.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Le verrouillage n'est pas activé pour ce compte.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "Ce compte a déjà le rôle « {0} ».", role);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "Ce compte n'a pas le rôle « {0} ».", role);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Le mot de passe doit contenir au moins {0} caractères.", length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "Le mot de passe doit contenir au moins {0} caractères différents.", uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir au moins un caractère spécial.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir au moins un chiffre.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Le mot de passe doit contenir au moins une lettre minuscule.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir au moins une lettre majuscule.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Ce code de récupération n'est pas valide.");
}
