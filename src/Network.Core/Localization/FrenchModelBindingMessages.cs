using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Network.Core.Localization;

/// <summary>Model-binding errors (wrong types, missing values) in French, translated like every other string.</summary>
public static class FrenchModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider provider, LocalizationCatalog catalog)
    {
        string T(string text) => catalog.Translate(text, CultureInfo.CurrentUICulture) ?? text;
        string F(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, T(format), args);
        provider.SetMissingBindRequiredValueAccessor(name => F("Une valeur est requise pour « {0} ».", name));
        provider.SetMissingKeyOrValueAccessor(() => T("Une valeur est requise."));
        provider.SetMissingRequestBodyRequiredValueAccessor(() => T("Le corps de la requête est vide."));
        provider.SetValueMustNotBeNullAccessor(value => F("La valeur « {0} » n'est pas valide.", value));
        provider.SetAttemptedValueIsInvalidAccessor((value, name) => F("La valeur « {0} » n'est pas valide pour « {1} ».", value, name));
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => F("La valeur « {0} » n'est pas valide.", value));
        provider.SetUnknownValueIsInvalidAccessor(name => F("La valeur saisie n'est pas valide pour « {0} ».", name));
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => T("La valeur saisie n'est pas valide."));
        provider.SetValueIsInvalidAccessor(value => F("La valeur « {0} » n'est pas valide.", value));
        provider.SetValueMustBeANumberAccessor(name => F("Le champ « {0} » doit être un nombre.", name));
        provider.SetNonPropertyValueMustBeANumberAccessor(() => T("Le champ doit être un nombre."));
    }
}
