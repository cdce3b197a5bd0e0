using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using System.Xml;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>Logins, role choice and single logout through a real SAML IdP (SimpleSAMLphp) in Chromium.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class SamlLoginTests(PortalFixture portal)
{
    [Fact]
    public async Task Cittadino_entra_con_Cohesion_dall_IdP_e_torna_alla_pagina_da_cui_era_partito()
    {
        await using var s = await portal.NewSessionAsync("cittadino-cohesion");
        var page = s.Page;
        Assert.Null(await IdpWalks.SessionAsync(s));

        await IdpWalks.LoginThroughIdpAsync(s, IdpUser.MarioRossi, IdpRoute.Cohesion, returnUrl: "/avvisi");

        await Expect(page).ToHaveURLAsync(new Regex("/avvisi$"));
        await Expect(page.GetByTestId("ruolo-attivo")).ToHaveTextAsync("Ruolo: Cittadino");
        var session = await IdpWalks.SessionAsync(s);
        Assert.NotNull(session);
        Assert.Equal((IdpUser.MarioRossi.CodiceFiscale, "Mario Rossi", "Cittadino"), (session.CodiceFiscale, session.Nome, session.Ruolo));
        Assert.Empty(session.Ambiti);
        s.AssertEveryPageChecked();
    }

    [Fact]
    public async Task Persona_nuova_entra_con_SPID_scegliendo_il_gestore_e_il_portale_la_registra_con_gli_attributi_dell_IdP()
    {
        await using var s = await portal.NewSessionAsync("primo-accesso-spid");

        await IdpWalks.LoginThroughIdpAsync(s, IdpUser.ChiaraFerri, IdpRoute.Spid);

        var session = await IdpWalks.SessionAsync(s);
        Assert.NotNull(session);
        // fiscalNumber arrives as "TINIT-FRRCHR92L54A271X": the prefix is stripped; name and familyName make the person.
        Assert.Equal((IdpUser.ChiaraFerri.CodiceFiscale, "Chiara Ferri", "Cittadino"), (session.CodiceFiscale, session.Nome, session.Ruolo));

        // First access: the Anagrafica form, pre-filled from the IdP and the codice fiscale, must be saved once.
        var page = s.Page;
        await Expect(page).ToHaveURLAsync(new Regex("/anagrafica$"));
        var cognome = page.GetByLabel("Cognome", new() { Exact = true });
        await Expect(cognome).ToHaveValueAsync("Ferri");
        await Expect(cognome).Not.ToBeEditableAsync();
        await Expect(page.GetByLabel("Data di nascita", new() { Exact = true })).ToHaveValueAsync("14/07/1992");
        await page.GetByLabel("Indirizzo *", new() { Exact = true }).FillAsync("Via XXIX Settembre");
        await page.GetByLabel("Numero civico *", new() { Exact = true }).FillAsync("12/A");
        await page.GetByLabel("CAP *", new() { Exact = true }).FillAsync("60122");
        await page.GetByLabel("Comune *", new() { Exact = true }).FillAsync("Ancona (AN)");
        await page.GetByLabel("Email *", new() { Exact = true }).FillAsync("chiara.ferri@example.org");
        await page.GetByLabel("Cittadinanza *", new() { Exact = true }).FillAsync("100 - ITALIA");
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Salva i dati", Exact = true }));
        await Expect(page.GetByTestId("esito-salvataggio")).ToContainTextAsync("Salvataggio avvenuto con successo.");

        // The services are open now: the personal area, the citizen's home.
        await s.GotoAsync("/area-personale");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Area personale", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("stato-anagrafica")).ToContainTextAsync("Anagrafica salvata");
        s.AssertEveryPageChecked();
    }

    [Fact]
    public async Task Operatrice_con_due_ruoli_entra_dall_IdP_sceglie_Operatore_del_Comune_poi_passa_a_Cittadino_dall_intestazione()
    {
        await using var s = await portal.NewSessionAsync("operatrice-due-ruoli");
        var page = s.Page;

        await IdpWalks.LoginThroughIdpAsync(s, IdpUser.LauraBianchi, IdpRoute.Spid);

        await Expect(page).ToHaveURLAsync(new Regex("/scelta-ruolo"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Scelta del ruolo", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("ruolo-Cittadino")).ToHaveTextAsync("Entra come Cittadino");
        var operatore = page.GetByTestId("ruolo-OperatoreComune");
        await Expect(operatore).ToHaveTextAsync("Entra come Operatore del Comune");
        // The card names both Comuni of her accreditation.
        var card = page.Locator("form.card").Filter(new() { Has = operatore });
        await Expect(card).ToContainTextAsync("Ancona");
        await Expect(card).ToContainTextAsync("Falconara");
        var before = await IdpWalks.SessionAsync(s);
        Assert.NotNull(before);
        Assert.Null(before.Ruolo);

        await s.ClickAndWaitForPageAsync(operatore);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/scelta-ruolo"));
        await Expect(page.GetByTestId("ruolo-attivo")).ToHaveTextAsync("Ruolo: Operatore del Comune");
        var asOperator = await IdpWalks.SessionAsync(s);
        Assert.NotNull(asOperator);
        Assert.Equal((IdpUser.LauraBianchi.CodiceFiscale, "OperatoreComune"), (asOperator.CodiceFiscale, asOperator.Ruolo));
        Assert.Equal(["Comune:042002", "Comune:042018"], asOperator.Ambiti.Order());

        // Switch from the header.
        await s.ClickAndWaitForPageAsync(page.Locator(".portal-user").GetByRole(AriaRole.Link, new() { Name = "Cambia ruolo", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/scelta-ruolo"));
        await s.ClickAndWaitForPageAsync(page.GetByTestId("ruolo-Cittadino"));
        await Expect(page.GetByTestId("ruolo-attivo")).ToHaveTextAsync("Ruolo: Cittadino");
        var asCitizen = await IdpWalks.SessionAsync(s);
        Assert.NotNull(asCitizen);
        Assert.Equal((IdpUser.LauraBianchi.CodiceFiscale, "Cittadino"), (asCitizen.CodiceFiscale, asCitizen.Ruolo));
        Assert.Empty(asCitizen.Ambiti);
        s.AssertEveryPageChecked();
    }

    [Fact]
    public async Task Esci_chiude_la_sessione_del_portale_e_quella_dell_IdP_con_il_single_logout()
    {
        await using var s = await portal.NewSessionAsync("single-logout");
        var page = s.Page;
        var idp = portal.Idp;
        await IdpWalks.LoginThroughIdpAsync(s, IdpUser.MarioRossi, IdpRoute.Cohesion);

        // The goodbye page sends the browser on to the IdP by itself (meta refresh, no delay): serve it
        // to the browser without that tag so that axe can check it, then go on with its "Continua" link.
        string? goodbyeHtml = null;
        await page.RouteAsync(new Regex("/esci$"), async route =>
        {
            if (route.Request.Method != "POST") { await route.ContinueAsync(); return; }
            var response = await route.FetchAsync();
            goodbyeHtml = await response.TextAsync();
            await route.FulfillAsync(new() { Response = response, Body = MetaRefresh().Replace(goodbyeHtml, "") });
        });
        var logoutResponses = new List<string>();
        page.Request += (_, r) =>
        {
            if (r.Url.StartsWith(portal.BaseUrl.GetLeftPart(UriPartial.Authority) + "/saml2/slo?", StringComparison.Ordinal))
                lock (logoutResponses) logoutResponses.Add(r.Url);
        };

        await s.ClickAndWaitForPageAsync(page.Locator(".portal-user").GetByRole(AriaRole.Button, new() { Name = "Esci", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/esci$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sei uscito dal portale");
        Assert.Null(await IdpWalks.SessionAsync(s));
        var continueLink = page.GetByTestId("continua-uscita");
        var logoutUrl = await continueLink.GetAttributeAsync("href") ?? "";
        Assert.True(idp.Serves(logoutUrl), $"L'uscita non passa dall'IdP: {logoutUrl}");
        Assert.Contains($"<meta http-equiv=\"refresh\" content=\"0;url={System.Net.WebUtility.HtmlEncode(logoutUrl)}\"", goodbyeHtml);
        var request = Inflate(HttpUtility.ParseQueryString(new Uri(logoutUrl).Query)["SAMLRequest"]);
        Assert.Equal("LogoutRequest", request.DocumentElement!.LocalName);

        // IdP → LogoutResponse to /saml2/slo → home.
        await s.ClickAndWaitForPageAsync(continueLink);
        await Expect(page).ToHaveURLAsync(portal.BaseUrl.GetLeftPart(UriPartial.Authority) + "/");
        await Expect(page.GetByTestId("accedi")).ToBeVisibleAsync();
        Assert.Null(await IdpWalks.SessionAsync(s));

        // The IdP accepted our signed LogoutRequest: it answered Success to that request.
        string sloUrl;
        lock (logoutResponses) sloUrl = Assert.Single(logoutResponses);
        var answer = Inflate(HttpUtility.ParseQueryString(new Uri(sloUrl).Query)["SAMLResponse"]);
        Assert.Equal("LogoutResponse", answer.DocumentElement!.LocalName);
        Assert.Equal(request.DocumentElement.GetAttribute("ID"), answer.DocumentElement.GetAttribute("InResponseTo"));
        var status = answer.GetElementsByTagName("StatusCode", "urn:oasis:names:tc:SAML:2.0:protocol")[0] as XmlElement;
        Assert.Equal("urn:oasis:names:tc:SAML:2.0:status:Success", status?.GetAttribute("Value"));
        s.AssertEveryPageChecked();
    }

    [GeneratedRegex("<meta http-equiv=\"refresh\"[^>]*>")]
    private static partial Regex MetaRefresh();

    private static XmlDocument Inflate(string? deflatedBase64)
    {
        Assert.False(string.IsNullOrEmpty(deflatedBase64), "Messaggio SAML assente nell'URL");
        using var input = new MemoryStream(Convert.FromBase64String(deflatedBase64));
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(deflate, Encoding.UTF8);
        var doc = new XmlDocument { XmlResolver = null };
        doc.LoadXml(reader.ReadToEnd());
        return doc;
    }
}
