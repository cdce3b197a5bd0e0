using Portal.Testing;

namespace Portal.Anagrafica.Tests;

/// <summary>The personal-area links are in the header menu for signed-in people only.</summary>
public class NavigationTests(AnagraficaPortal portal) : IClassFixture<AnagraficaPortal>
{
    private const string AreaPersonale = "href=\"/area-personale\"";
    private const string Messaggi = "href=\"/area-personale/messaggi\"";

    [Fact]
    public async Task Anonymous_visitors_do_not_see_the_personal_area_links()
    {
        var home = await portal.Anonymous().GetStringAsync("/avvisi");
        Assert.Contains("href=\"/avvisi\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain(AreaPersonale, home, StringComparison.Ordinal);
        Assert.DoesNotContain(Messaggi, home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_citizen_finds_the_personal_area_and_the_messages_in_the_menu()
    {
        var client = await portal.LoginAsync(Demo.Cittadino);
        var page = await client.GetStringAsync("/avvisi");
        Assert.Contains(AreaPersonale, page, StringComparison.Ordinal);
        Assert.Contains(Messaggi, page, StringComparison.Ordinal);
    }
}
