using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Testing;

namespace Portal.Identity.Tests;

public class HappyPathTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    [Fact]
    public async Task A_valid_signed_response_logs_in_creates_the_person_by_codice_fiscale_and_honours_the_return_url()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client, "/avvisi");
        var response = await SamlPortal.PostAsync(client, SamlPortal.Signed(portal.Spec(id)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/avvisi", response.Headers.Location!.OriginalString);
        var session = await client.GetFromJsonAsync<JsonElement>("/api/v1/sessione");
        Assert.Equal(SamlPortal.NewPersonCf, session.GetProperty("codiceFiscale").GetString());
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Persons.AsNoTracking()
            .SingleAsync(p => p.CodiceFiscale == SamlPortal.NewPersonCf);
        Assert.Equal(("Giulia", "Bianchi", "giulia.bianchi@example.org"), (person.Nome, person.Cognome, person.Email));
        var audit = await scope.ServiceProvider.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AsNoTracking()
            .Where(a => a.Action == "Accesso" && a.ActorId == person.Id).ToListAsync();
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.Equal("Metodo: spid", a.Details));
    }

    [Fact]
    public async Task A_known_person_with_several_roles_is_sent_to_the_role_choice()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client, "/avvisi");
        var spec = portal.Spec(id) with { Attributes = new Dictionary<string, string> { ["fiscalNumber"] = "TINIT-" + Demo.OperatoreAncona } };
        var response = await SamlPortal.PostAsync(client, SamlPortal.Signed(spec, signResponse: false));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/scelta-ruolo?returnUrl=%2Favvisi", response.Headers.Location!.OriginalString);
        Assert.True(await SamlPortal.IsLoggedInAsync(client));
    }

    [Fact]
    public async Task Logout_ends_the_local_session_and_sends_a_signed_logout_request_to_the_idp()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await SamlPortal.PostAsync(client, SamlPortal.Signed(portal.Spec(id)))).StatusCode);
        Assert.True(await SamlPortal.IsLoggedInAsync(client));
        // Without the antiforgery token nothing happens.
        Assert.Equal("/errore/400", (await client.PostAsync("/saml2/logout", new FormUrlEncodedContent([]))).Headers.Location!.OriginalString);
        Assert.True(await SamlPortal.IsLoggedInAsync(client));
        var logout = await client.PostAsync("/saml2/logout", PortalClient.Form(await PortalClient.LayoutTokenAsync(client)));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var location = logout.Headers.Location!;
        Assert.StartsWith(TestIdp.SloUrl + "?SAMLRequest=", location.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("&Signature=", location.Query, StringComparison.Ordinal);
        var request = Portal.Identity.Saml.RedirectBinding.Inflate(System.Web.HttpUtility.ParseQueryString(location.Query)["SAMLRequest"]!);
        Assert.Contains("LogoutRequest", request);
        Assert.Contains("SessionIndex", request);
        Assert.False(await SamlPortal.IsLoggedInAsync(client));
        // The IdP's LogoutResponse lands on the SLO endpoint and goes home.
        Assert.Equal("/", (await client.GetAsync("/saml2/slo?SAMLResponse=x")).Headers.Location!.OriginalString);
        // Without a SAML session, logout is local only.
        Assert.Equal("/", (await client.PostAsync("/saml2/logout", PortalClient.Form(await PortalClient.TokenAsync(client, "/esci")))).Headers.Location!.OriginalString);
    }
}

public class HeaderLogoutTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    [Fact]
    public async Task A_forged_hit_on_the_single_logout_endpoint_does_not_end_the_session()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client);
        await SamlPortal.PostAsync(client, SamlPortal.Signed(portal.Spec(id)));
        Assert.True(await SamlPortal.IsLoggedInAsync(client));

        Assert.Equal("/", (await client.GetAsync("/saml2/slo?SAMLResponse=x")).Headers.Location!.OriginalString);
        Assert.Equal("/", (await client.PostAsync("/saml2/slo", new FormUrlEncodedContent([new("SAMLRequest", "x")]))).Headers.Location!.OriginalString);
        Assert.True(await SamlPortal.IsLoggedInAsync(client));
    }

    [Fact]
    public async Task The_header_logout_ends_the_portal_session_and_leads_to_the_idp_single_logout()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await SamlPortal.PostAsync(client, SamlPortal.Signed(portal.Spec(id)))).StatusCode);
        var page = await client.PostAsync("/esci", PortalClient.Form(await PortalClient.LayoutTokenAsync(client)));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Sei uscito dal portale", html);
        Assert.Contains($"http-equiv=\"refresh\" content=\"0;url={TestIdp.SloUrl}?SAMLRequest=", html);
        Assert.Contains("data-testid=\"continua-uscita\"", html);
        Assert.False(await SamlPortal.IsLoggedInAsync(client));
        // A second logout has no IdP session left to end: it goes home.
        var again = await client.PostAsync("/esci", PortalClient.Form(await PortalClient.TokenAsync(client, "/esci")));
        Assert.Equal("/", again.Headers.Location!.OriginalString);
    }
}
