using System.Net;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Testing;

namespace Portal.DevIdp.Tests;

/// <summary>What the test IdP refuses, with its Italian page, and what it checks before answering.</summary>
public class DevIdpRefusalTests(DevIdpPortal portal) : IClassFixture<DevIdpPortal>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.WaitForProvidersAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Uri> SsoRedirectAsync(HttpClient browser, string idp = "spid-portale")
    {
        var login = await browser.GetAsync($"/saml2/login/{idp}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return login.Headers.Location!;
    }

    [Fact]
    public async Task An_authn_request_whose_signature_does_not_verify_is_refused_with_the_reason()
    {
        var browser = portal.Browser();
        var sso = await SsoRedirectAsync(browser);
        var query = HttpUtility.ParseQueryString(sso.Query);
        // The same request with another RelayState: the signature over the query no longer matches.
        var tampered = sso.GetLeftPart(UriPartial.Path) + "?SAMLRequest=" + Uri.EscapeDataString(query["SAMLRequest"]!) + "&RelayState=altro"
            + "&SigAlg=" + Uri.EscapeDataString(query["SigAlg"]!) + "&Signature=" + Uri.EscapeDataString(query["Signature"]!);
        var refused = await browser.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("richiesta non valida", html);
        Assert.Contains("La firma della richiesta (HTTP-Redirect) manca o non è valida", html);

        var unsigned = await browser.GetAsync(sso.GetLeftPart(UriPartial.Path) + "?SAMLRequest=" + Uri.EscapeDataString(query["SAMLRequest"]!));
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        var none = await browser.GetAsync(sso.GetLeftPart(UriPartial.Path));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Manca il parametro SAMLRequest", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_request_sent_to_another_entity_of_the_idp_is_refused_for_its_destination()
    {
        var browser = portal.Browser();
        var sso = await SsoRedirectAsync(browser, "cie-portale");
        var elsewhere = sso.AbsoluteUri.Replace("/dev-idp/cie/sso", "/dev-idp/spid/sso", StringComparison.Ordinal);
        var refused = await browser.GetAsync(elsewhere);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Destination", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_post_binding_request_without_a_valid_enveloped_signature_is_refused()
    {
        var browser = portal.Browser();
        var sso = await SsoRedirectAsync(browser);
        var xml = Portal.Identity.Saml.RedirectBinding.Inflate(HttpUtility.ParseQueryString(sso.Query)["SAMLRequest"]!);
        var refused = await browser.PostAsync(sso.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("SAMLRequest", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(xml)))]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("La firma della richiesta (HTTP-POST) manca o non è valida", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_altered_or_missing_request_token_on_the_chooser_says_the_request_expired_and_signs_nothing()
    {
        var browser = portal.Browser();
        var (chooser, url) = await portal.StartAsync(browser, "spid-portale");
        var altered = await browser.GetAsync(url[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        var html = await altered.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"richiesta-scaduta\"", html);
        Assert.DoesNotContain("SAMLResponse", html);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync("/dev-idp/spid/accesso")).StatusCode);
        // A token of the SPID entity is not accepted by the CIE one.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(url.Replace("/dev-idp/spid/", "/dev-idp/cie/", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/dev-idp/altro/accesso")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/dev-idp/altro/metadata")).StatusCode);
        // Posting a person without the antiforgery token is refused by the portal.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync(url + "&handler=Persona", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Contains("Entra con questa identità", chooser);
    }

    [Theory]
    [InlineData("", "Mario", "Rossi", "", "Altra.CodiceFiscale", "Indicare il codice fiscale.")]
    [InlineData("RSSMRA80A01H501X", "Mario", "Rossi", "", "Altra.CodiceFiscale", "Il codice fiscale non è valido")]
    [InlineData("RSSMRA80A01H501U", "", "Rossi", "", "Altra.Nome", "Indicare il nome.")]
    [InlineData("RSSMRA80A01H501U", "Mario", "", "", "Altra.Cognome", "Indicare il cognome.")]
    [InlineData("RSSMRA80A01H501U", "Mario", "Rossi", "non-una-email", "Altra.Email", "L'indirizzo email non è valido.")]
    public async Task Another_identity_with_a_bad_field_gets_the_italian_message_next_to_it_and_no_answer(
        string cf, string nome, string cognome, string email, string field, string message)
    {
        var browser = portal.Browser();
        var (chooser, _) = await portal.StartAsync(browser, "spid-portale");
        var response = await DevIdpPortal.PostChooserAsync(browser, chooser, "Altra",
            ("Altra.CodiceFiscale", cf), ("Altra.Nome", nome), ("Altra.Cognome", cognome), ("Altra.Email", email), ("Livello", "2"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"id=\"{field.Replace('.', '_')}-errore\" role=\"alert\">{message}", html);
        Assert.DoesNotContain("SAMLResponse", html);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    public async Task A_level_outside_1_to_3_is_refused_with_a_message(string level)
    {
        var browser = portal.Browser();
        var (chooser, _) = await portal.StartAsync(browser, "spid-portale");
        var id = await portal.PersonIdAsync(Demo.Cittadino);
        var response = await DevIdpPortal.PostChooserAsync(browser, chooser, "Persona", ("personId", id.ToString()), ("Livello", level));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Scegliere il livello SPID: 1, 2 o 3.", html);
        Assert.DoesNotContain("SAMLResponse", html);
    }

    [Fact]
    public async Task A_person_who_is_not_a_demo_person_cannot_be_picked_from_the_list()
    {
        var browser = portal.Browser();
        var (chooser, _) = await portal.StartAsync(browser, "spid-portale");
        var response = await DevIdpPortal.PostChooserAsync(browser, chooser, "Persona", ("personId", Guid.NewGuid().ToString()), ("Livello", "2"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Persona dimostrativa non trovata", html);
        Assert.DoesNotContain("SAMLResponse", html);
    }
}
