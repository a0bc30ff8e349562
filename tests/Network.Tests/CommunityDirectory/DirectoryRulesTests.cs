using Network.Core.Tenancy;
using Network.Modules.Directory.Data;
using Network.Modules.Directory.Services;

namespace Network.Tests.CommunityDirectory;

/// <summary>The directory's pure rules: SIRET, name matching, message checks, organisation fields.</summary>
public sealed class DirectoryRulesTests
{
    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("732 829 320 00074", true)]
    [InlineData("73282932000075", false)]
    [InlineData("35600000000048", true)] // La Poste's head office passes Luhn
    [InlineData("35600000010000", true)] // a La Poste establishment: fails Luhn, digit sum a multiple of 5
    [InlineData("35600000010001", false)]
    [InlineData("7328293200007", false)]
    [InlineData("732829320000745", false)]
    [InlineData("7328293200007A", false)]
    [InlineData("", false)]
    public void Siret_is_checked_by_its_luhn_key_with_la_postes_exception(string siret, bool valid) => Assert.Equal(valid, Siret.IsValid(siret));

    [Fact]
    public void Siret_is_normalised_and_formatted_the_insee_way()
    {
        Assert.Equal("73282932000074", Siret.Normalize(" 732.829.320-00074 "));
        Assert.Equal("732 829 320 00074", Siret.Format("73282932000074"));
    }

    [Theory]
    [InlineData("Archives départementales de la Somme", "archives departementales de la somme")]
    [InlineData("  ARCHIVES DÉPARTEMENTALES DE LA SOMME. ", "archives departementales de la somme")]
    [InlineData("Musée de l'Œuvre", "musee de l oeuvre")]
    [InlineData("Laboratoire (Amiens)", "laboratoire amiens")]
    public void Names_are_folded_for_matching(string name, string expected) => Assert.Equal(expected, OrganisationNames.Normalise(name));

    [Fact]
    public void Near_names_are_not_the_same_organisation()
        => Assert.NotEqual(OrganisationNames.Normalise("Archives départementales de la Somme"), OrganisationNames.Normalise("Archives départementales de l'Aisne"));

    [Theory]
    [InlineData("", "Écrivez votre message.")]
    [InlineData("   ", "Écrivez votre message.")]
    [InlineData("Bonjour", "trop court")]
    [InlineData("Voyez https://a.example, https://b.example et www.c.example pour nos offres.", "3 liens")]
    [InlineData("Voyez [ici](https://a.example), [là](https://b.example) et <a href=x>ailleurs</a> aussi.", "liens")]
    public void Bad_messages_are_refused_with_a_clear_message(string body, string expected)
    {
        var problems = ContactRelay.CheckBody(body);
        Assert.Contains(problems, p => p.Field == "Body" && p.Message.Contains(expected));
    }

    [Fact]
    public void Oversized_messages_are_refused_and_two_links_are_fine()
    {
        Assert.Contains(ContactRelay.CheckBody(new string('a', DirectoryRules.MessageMaxLength + 1)), p => p.Message.Contains("ne peut dépasser"));
        Assert.Empty(ContactRelay.CheckBody("Bonjour, voici notre site https://a.example et notre dossier https://b.example."));
        Assert.Contains(ContactRelay.CheckBody("Un message assez long.", "", needsSubject: true), p => p.Field == "Subject");
    }

    [Fact]
    public void Organisation_fields_are_checked()
    {
        var type = new OrganisationType();
        var errors = type.Validate(new OrganisationFields { Kind = "inconnu", Siret = "73282932000075", Website = "javascript:alert(1)", Department = "999A" }).ToList();
        Assert.Contains(errors, e => e.Field == "Kind");
        Assert.Contains(errors, e => e.Field == "Siret" && e.Message.Contains("clé de contrôle"));
        Assert.Contains(errors, e => e.Field == "Website");
        Assert.Contains(errors, e => e.Field == "Department");
        Assert.Contains(type.Validate(new OrganisationFields { Kind = "musee", Siret = "1234" }), e => e.Field == "Siret" && e.Message.Contains("14 chiffres"));
        Assert.Empty(type.Validate(new OrganisationFields { Kind = "musee", Siret = "73282932000074", Website = "https://www.exemple.fr", Department = "2A" }));
        Assert.NotEmpty(type.CheckAddress("membres"));
    }
}
