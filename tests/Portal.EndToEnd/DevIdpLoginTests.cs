using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>
/// The login of a Development run through the test IdP the portal hosts for itself (Portal.DevIdp): the real buttons,
/// a real signed SAML exchange, no PHP. The fixture's portal runs in Development with appsettings.Development.json.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DevIdpLoginTests(PortalFixture portal)
{
    [Fact]
    public async Task Cittadino_preme_Entra_con_SPID_sceglie_il_gestore_di_prova_poi_la_persona_e_arriva_con_il_suo_nome()
    {
        await using var s = await portal.NewSessionAsync("devidp-spid");
        var page = s.Page;
        await s.GotoAsync("/accedi?returnUrl=%2Favvisi");
        await Expect(page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = "Entra con CIE", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = "Entra con Cohesion", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = "Accesso di prova", Exact = true })).ToBeVisibleAsync();

        await SpidWalks.OpenProviderListAsync(s);
        await s.ClickAndWaitForPageAsync(page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = "SPID di prova (portale)", Exact = true }));

        await Expect(page).ToHaveURLAsync(new Regex("/dev-idp/spid/accesso\\?richiesta="));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SPID di prova", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#main")).ToContainTextAsync("chiede l'autenticazione con livello SPID 2");
        await AnswerAndArriveAsync(s, page.GetByRole(AriaRole.Button, new() { Name = "Entra come Mario Rossi", Exact = true }), "Mario Rossi", "/avvisi");

        await Expect(page.Locator(".portal-user")).ToContainTextAsync("Mario Rossi");
        var session = await IdpWalks.SessionAsync(s);
        Assert.NotNull(session);
        Assert.Equal((Demo.Cittadino, "Mario Rossi"), (session.CodiceFiscale, session.Nome));
        s.AssertEveryPageChecked();
    }

    [Fact]
    public async Task Persona_nuova_entra_con_CIE_scrivendo_la_sua_identita_sul_gestore_di_prova()
    {
        await using var s = await portal.NewSessionAsync("devidp-cie");
        var page = s.Page;
        var cf = TestCodiciFiscali.Make("VLN", "SFO", new DateOnly(1991, 6, 14), female: true);
        await s.GotoAsync("/accedi");
        await s.ClickAndWaitForPageAsync(page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = "Entra con CIE", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "CIE di prova", Level = 1 })).ToBeVisibleAsync();

        // A wrong codice fiscale first: the Italian message next to the field, no answer sent.
        await page.GetByLabel("Codice fiscale", new() { Exact = true }).FillAsync("VLNSFO91H54A271Z");
        await page.GetByLabel("Nome", new() { Exact = true }).FillAsync("Sofia");
        await page.GetByLabel("Cognome", new() { Exact = true }).FillAsync("Valentini");
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Entra con questa identità", Exact = true }));
        await Expect(page.Locator("#Altra_CodiceFiscale-errore")).ToHaveTextAsync("Il codice fiscale non è valido: controllare i 16 caratteri.");

        // Without scripts the answer page waits for its button, as a real IdP's page does.
        await page.RouteAsync("**/invio-risposta.js", route => route.FulfillAsync(new() { Body = "", ContentType = "text/javascript" }));
        await page.GetByLabel("Codice fiscale", new() { Exact = true }).FillAsync(cf);
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Entra con questa identità", Exact = true }));
        await Expect(page.GetByTestId("identita-scelta")).ToHaveTextAsync("Sofia Valentini");
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Prosegui verso il portale", Exact = true }));
        Assert.DoesNotMatch("/(dev-idp|saml2)/", page.Url);

        await Expect(page.Locator(".portal-user")).ToContainTextAsync("Sofia Valentini");
        var session = await IdpWalks.SessionAsync(s);
        Assert.NotNull(session);
        Assert.Equal((cf, "Sofia Valentini"), (session.CodiceFiscale, session.Nome));
        s.AssertEveryPageChecked();
    }

    /// <summary>
    /// Presses the IdP's answering button with the page's script stubbed out, so the answer page stays (as it does for
    /// a browser without scripts) and axe-core checks it; then "Prosegui verso il portale" posts the signed Response
    /// to the ACS, which leads into the portal. (Holding the ACS request in a route handler blocks Playwright.)
    /// </summary>
    private static async Task AnswerAndArriveAsync(BrowserSession s, ILocator answer, string who, string? expectedPath)
    {
        var page = s.Page;
        await page.RouteAsync("**/invio-risposta.js", route => route.FulfillAsync(new() { Body = "", ContentType = "text/javascript" }));
        await s.ClickAndWaitForPageAsync(answer);
        await Expect(page.GetByTestId("identita-scelta")).ToHaveTextAsync(who);
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Prosegui verso il portale", Exact = true }));
        await page.UnrouteAsync("**/invio-risposta.js");
        Assert.DoesNotMatch("/(dev-idp|saml2)/", page.Url);
        if (expectedPath is not null) await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(expectedPath) + "$"));
    }
}
