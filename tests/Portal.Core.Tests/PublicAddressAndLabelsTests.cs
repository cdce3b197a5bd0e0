using System.Net;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>The public address is required outside Development; the register and the people list speak in words.</summary>
public class PublicAddressAndLabelsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_the_portal_refuses_to_start_without_its_public_address(string environment)
    {
        using var host = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["environment"] = environment });
        Assert.Contains("Manca l'indirizzo pubblico del portale: impostare Portal:PublicBaseUrl", StartupFailure.Of(host));
    }

    [Fact]
    public void A_public_address_that_is_not_a_web_address_is_refused_too()
    {
        using var host = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Portal:PublicBaseUrl"] = "servizi.regione",
        });
        Assert.Contains("Portal:PublicBaseUrl non è un indirizzo web valido", StartupFailure.Of(host));
    }

    [Fact]
    public async Task The_register_shows_actions_roles_and_permissions_in_words_not_codes()
    {
        // A role change by a person with two roles writes "CambioRuolo" with the role codes in its details.
        await portal.LoginAsync(Demo.OperatoreAncona, "OperatoreComune");
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/registro?azione=CambioRuolo"));
        Assert.Contains("<td data-codice-azione=\"CambioRuolo\">Cambio di ruolo</td>", html);
        Assert.Contains("Da (nessuno) a Operatore del Comune", html);
        Assert.DoesNotContain(">CambioRuolo<", html);
        Assert.Contains("<option value=\"CambioRuolo\" selected=\"selected\">Cambio di ruolo</option>", html);

        var people = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/utenti"));
        Assert.DoesNotContain("OperatoreComune (", people);
        Assert.Contains("Operatore del Comune (Comune 042002)", people);
    }
}
