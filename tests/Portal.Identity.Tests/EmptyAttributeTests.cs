namespace Portal.Identity.Tests;

/// <summary>An attribute the IdP sends without a value is a malformed assertion: refused, not skipped.</summary>
public class EmptyAttributeTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    private static Dictionary<string, string> Requested() => new()
    {
        ["fiscalNumber"] = "TINIT-" + SamlPortal.NewPersonCf,
        ["name"] = "Giulia",
        ["familyName"] = "Bianchi",
        ["email"] = "giulia.bianchi@example.org",
        ["dateOfBirth"] = "1985-03-12",
    };

    private async Task RefusedAsync(Func<ResponseSpec, ResponseSpec> alter, string reasonFragment)
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client, "/avvisi");
        await portal.PostRefusedAsync(client, SamlPortal.Signed(alter(portal.Spec(id))), reasonFragment);
    }

    [Fact]
    public Task An_attribute_with_no_attribute_value_beside_the_requested_ones_is_refused() =>
        RefusedAsync(s => s with { Attributes = Requested(), ValuelessAttributes = ["mobilePhone"] }, "Attributo mobilePhone senza valore");

    [Fact]
    public Task An_attribute_with_an_empty_attribute_value_beside_the_requested_ones_is_refused() =>
        RefusedAsync(s => s with { Attributes = new Dictionary<string, string>(Requested()) { ["placeOfBirth"] = " " } }, "Attributo placeOfBirth senza valore");

    [Fact]
    public Task A_requested_attribute_with_an_empty_value_is_refused() =>
        RefusedAsync(s => s with { Attributes = new Dictionary<string, string>(Requested()) { ["email"] = "" } }, "Attributo email senza valore");
}
