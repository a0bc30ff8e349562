using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Network.Modules.Accounts.Services;

/// <summary>The password rules in words, read from the Identity options so the page never disagrees with the validator.</summary>
public static class PasswordRules
{
    public static IReadOnlyList<string> Describe(PasswordOptions options, IStringLocalizer T)
    {
        var rules = new List<string> { T["Au moins {0} caractères", options.RequiredLength] };
        if (options.RequireLowercase) rules.Add(T["Au moins une lettre minuscule"]);
        if (options.RequireUppercase) rules.Add(T["Au moins une lettre majuscule"]);
        if (options.RequireDigit) rules.Add(T["Au moins un chiffre"]);
        if (options.RequireNonAlphanumeric) rules.Add(T["Au moins un caractère spécial"]);
        if (options.RequiredUniqueChars > 1) rules.Add(T["Au moins {0} caractères différents", options.RequiredUniqueChars]);
        return rules;
    }
}
