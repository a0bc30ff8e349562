using Network.Core.Tenancy;

namespace Network.Tests.Core;

public sealed class ValidationRulesTests
{
    [Theory]
    [InlineData("13001797100016", true)]
    [InlineData("130 017 971 00016", true)]
    [InlineData("13001797100017", false)]
    [InlineData("1300179710001", false)]
    [InlineData("1300179710001A", false)]
    [InlineData("35600000000048", true)] // La Poste head office: Luhn
    [InlineData("35600000000114", true)] // La Poste establishment: digit sum multiple of 5, not Luhn
    [InlineData("35600000000101", false)]
    [InlineData("", false)]
    public void Siret_uses_the_luhn_key(string siret, bool valid) => Assert.Equal(valid, Siret.IsValid(siret));

    [Theory]
    [InlineData("bretagne", true)]
    [InlineData("hauts-de-france", true)]
    [InlineData("Bretagne", false)]
    [InlineData("île-de-france", false)]
    [InlineData("pays de la loire", false)]
    [InlineData("-corse", false)]
    [InlineData("corse-", false)]
    [InlineData("a--b", false)]
    [InlineData("", false)]
    public void Tenant_names_are_lowercase_slugs(string name, bool valid) => Assert.Equal(valid, TenantNames.IsSlug(name));

    [Theory]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("compte")]
    [InlineData("projets")]
    [InlineData("recherche")]
    [InlineData("health")]
    [InlineData("assets")]
    public void Hub_path_segments_are_reserved(string name) => Assert.True(TenantNames.IsReserved(name));

    [Fact]
    public void Settings_rules_report_each_bad_field()
    {
        var problems = TenantSettingsRules.Check("", "pas-une-adresse", "123", "de", ["a", "b", "c", "d", "e"]);
        Assert.Equal(["displayName", "contactEmail", "siret", "defaultCulture", "blocMarque"], problems.Select(p => p.Field));
        Assert.Empty(TenantSettingsRules.Check("Bretagne", "contact@drac.example.fr", "13001797100016", "fr", ["Préfet", "de la région", "Bretagne"]));
    }
}
