using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Testing;

namespace Portal.DevIdp.Tests;

/// <summary>The three login buttons of a Development run, each through a full signed exchange between the SP and the test IdP.</summary>
public class DevIdpLoginTests(DevIdpPortal portal) : IClassFixture<DevIdpPortal>, IAsyncLifetime
{
    private const string Saml = "urn:oasis:names:tc:SAML:2.0:assertion";

    public Task InitializeAsync() => portal.WaitForProvidersAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_login_page_of_a_development_run_offers_spid_with_its_provider_list_cie_cohesion_and_the_development_login()
    {
        var html = WebUtility.HtmlDecode(await portal.Browser().GetStringAsync("/accedi?returnUrl=/avvisi"));
        Assert.Contains("data-testid=\"elenco-gestori-spid\"", html);
        Assert.Contains("<span>Entra con SPID</span>", html);
        Assert.Contains("href=\"/saml2/login/spid-portale?returnUrl=%2Favvisi\" data-idp=\"spid-portale\"><span>SPID di prova (portale)</span>", html);
        Assert.Contains("Non hai SPID?", html);
        Assert.Contains("href=\"/saml2/login/cie-portale?returnUrl=%2Favvisi\">Entra con CIE</a>", html);
        Assert.Contains("href=\"/saml2/login/cohesion-portale?returnUrl=%2Favvisi\">Entra con Cohesion</a>", html);
        Assert.Contains("href=\"/accesso-di-prova?returnUrl=%2Favvisi\">Accesso di prova</a>", html);
    }

    [Fact]
    public async Task Spid_a_demo_person_chosen_at_the_idp_is_logged_in_through_the_sp_checks_with_the_spid_attributes()
    {
        var browser = portal.Browser();
        var (chooser, _) = await portal.StartAsync(browser, "spid-portale", "?returnUrl=%2Favvisi");
        var page = WebUtility.HtmlDecode(chooser);
        Assert.Contains("Il servizio <strong>Portale dei servizi</strong> chiede l'autenticazione con livello SPID 2", page);
        Assert.Contains("Mario Rossi", page);
        var cittadino = await portal.PersonIdAsync(Demo.Cittadino);

        var answer = await DevIdpPortal.PostChooserAsync(browser, chooser, "Persona", ("personId", cittadino.ToString()), ("Livello", "2"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var (action, samlResponse, doc) = DevIdpPortal.AnswerOf(await answer.Content.ReadAsStringAsync());
        Assert.Equal(DevIdpPortal.AcsUrl, action);

        // What the IdP certified: SPID attributes, the level, both elements signed with the key its metadata publishes.
        var attributes = Attributes(doc);
        Assert.Equal("TINIT-" + Demo.Cittadino, attributes["fiscalNumber"]);
        Assert.Equal(("Mario", "Rossi"), (attributes["name"], attributes["familyName"]));
        Assert.Matches("^DEV[0-9A-F]{11}$", attributes["spidCode"]);
        Assert.Equal("1980-01-01", attributes["dateOfBirth"]);
        Assert.Equal("https://www.spid.gov.it/SpidL2", doc.GetElementsByTagName("AuthnContextClassRef", Saml)[0]!.InnerText);
        Assert.Equal(DevIdpPortal.BaseUrl + "/saml2/metadata", doc.GetElementsByTagName("Audience", Saml)[0]!.InnerText);
        var certificate = await MetadataCertificateAsync("spid");
        Assert.True(SignatureValid(doc.DocumentElement!, certificate));
        Assert.True(SignatureValid((XmlElement)doc.GetElementsByTagName("Assertion", Saml)[0]!, certificate));

        var acs = await DevIdpPortal.PostToAcsAsync(browser, action, samlResponse);
        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.Equal("/avvisi", acs.Headers.Location!.OriginalString);
        var session = await browser.GetFromJsonAsync<JsonElement>("/api/v1/sessione");
        Assert.Equal(Demo.Cittadino, session.GetProperty("codiceFiscale").GetString());
        Assert.Equal("Mario Rossi", session.GetProperty("nome").GetString());
        Assert.Contains("Mario Rossi", WebUtility.HtmlDecode(await browser.GetStringAsync("/avvisi")));

        // The same answer again is a replay: the SP refuses it and writes no new session.
        var other = portal.Browser();
        var replay = await DevIdpPortal.PostToAcsAsync(other, action, samlResponse);
        Assert.StartsWith("/saml2/errore", replay.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/sessione")).StatusCode);
    }

    [Fact]
    public async Task Cie_another_identity_typed_at_the_idp_becomes_a_new_person_at_the_level_asked()
    {
        var browser = portal.Browser();
        var (chooser, _) = await portal.StartAsync(browser, "cie-portale", "?livello=3");
        Assert.Contains("con livello SPID 3.", WebUtility.HtmlDecode(chooser));
        var cf = TestCodiciFiscali.Make("VLN", "SFO", new DateOnly(1991, 6, 14), female: true);

        var answer = await DevIdpPortal.PostChooserAsync(browser, chooser, "Altra",
            ("Altra.CodiceFiscale", cf.ToLowerInvariant()), ("Altra.Nome", "Sofia"), ("Altra.Cognome", "Valentini"), ("Altra.Email", "sofia.valentini@example.org"), ("Livello", "3"));
        var (action, samlResponse, doc) = DevIdpPortal.AnswerOf(await answer.Content.ReadAsStringAsync());
        Assert.Equal("https://www.spid.gov.it/SpidL3", doc.GetElementsByTagName("AuthnContextClassRef", Saml)[0]!.InnerText);
        Assert.Equal(DevIdpPortal.BaseUrl + "/dev-idp/cie/metadata", doc.GetElementsByTagName("Issuer", Saml)[0]!.InnerText);

        var acs = await DevIdpPortal.PostToAcsAsync(browser, action, samlResponse);
        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        var session = await browser.GetFromJsonAsync<JsonElement>("/api/v1/sessione");
        Assert.Equal(cf, session.GetProperty("codiceFiscale").GetString());
        await using var scope = portal.Services.CreateAsyncScope();
        var person = (await scope.ServiceProvider.GetRequiredService<IPeople>().FindByCodiceFiscaleAsync(cf))!;
        Assert.Equal(("Sofia", "Valentini", "sofia.valentini@example.org", false), (person.Nome, person.Cognome, person.Email, person.IsDemo));
    }

    [Fact]
    public async Task Cohesion_cancelled_at_the_idp_comes_back_as_the_spid_anomaly_and_the_sp_says_access_cancelled()
    {
        var browser = portal.Browser();
        var (chooser, _) = await portal.StartAsync(browser, "cohesion-portale");
        var answer = await DevIdpPortal.PostChooserAsync(browser, chooser, "Annulla");
        var (action, samlResponse, doc) = DevIdpPortal.AnswerOf(await answer.Content.ReadAsStringAsync());
        Assert.Empty(doc.GetElementsByTagName("Assertion", Saml));
        Assert.True(SignatureValid(doc.DocumentElement!, await MetadataCertificateAsync("cohesion")));

        var acs = await DevIdpPortal.PostToAcsAsync(browser, action, samlResponse);
        Assert.Equal("/saml2/errore?codice=nr25", acs.Headers.Location!.OriginalString);
        Assert.Contains("Accesso annullato", WebUtility.HtmlDecode(await browser.GetStringAsync(acs.Headers.Location!.OriginalString)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/sessione")).StatusCode);
    }

    [Fact]
    public async Task A_level_lower_than_the_one_asked_is_refused_by_the_sp()
    {
        var browser = portal.Browser();
        var (chooser, _) = await portal.StartAsync(browser, "spid-portale", "?livello=2");
        var answer = await DevIdpPortal.PostChooserAsync(browser, chooser, "Persona", ("personId", (await portal.PersonIdAsync(Demo.Cittadino)).ToString()), ("Livello", "1"));
        var (action, samlResponse, _) = DevIdpPortal.AnswerOf(await answer.Content.ReadAsStringAsync());
        var acs = await DevIdpPortal.PostToAcsAsync(browser, action, samlResponse);
        Assert.Equal("/saml2/errore?codice=livello", acs.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/sessione")).StatusCode);
    }

    [Fact]
    public async Task The_answer_reaches_only_the_browser_that_started_the_login()
    {
        var browser = portal.Browser();
        var (chooser, _) = await portal.StartAsync(browser, "spid-portale");
        var answer = await DevIdpPortal.PostChooserAsync(browser, chooser, "Persona", ("personId", (await portal.PersonIdAsync(Demo.Cittadino)).ToString()), ("Livello", "2"));
        var (action, samlResponse, _) = DevIdpPortal.AnswerOf(await answer.Content.ReadAsStringAsync());
        var stranger = portal.Browser();
        var acs = await DevIdpPortal.PostToAcsAsync(stranger, action, samlResponse);
        Assert.StartsWith("/saml2/errore", acs.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/sessione")).StatusCode);
    }


    internal async Task<X509Certificate2> MetadataCertificateAsync(string kind)
    {
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(await portal.Browser().GetStringAsync($"/dev-idp/{kind}/metadata"));
        var b64 = doc.GetElementsByTagName("X509Certificate", "http://www.w3.org/2000/09/xmldsig#")[0]!.InnerText;
        return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(b64));
    }

    internal static bool SignatureValid(XmlElement element, X509Certificate2 certificate)
    {
        var signature = element.ChildNodes.OfType<XmlElement>().Single(e => e.LocalName == "Signature");
        var signed = new SignedXml(element.OwnerDocument);
        signed.LoadXml(signature);
        return signed.SignedInfo!.References.Count == 1 && ((Reference)signed.SignedInfo.References[0]!).Uri == "#" + element.GetAttribute("ID")
            && signed.CheckSignature(certificate.GetRSAPublicKey()!);
    }

    private static Dictionary<string, string> Attributes(XmlDocument doc) =>
        doc.GetElementsByTagName("Attribute", Saml).OfType<XmlElement>()
            .ToDictionary(a => a.GetAttribute("Name"), a => a.GetElementsByTagName("AttributeValue", Saml)[0]!.InnerText);
}
