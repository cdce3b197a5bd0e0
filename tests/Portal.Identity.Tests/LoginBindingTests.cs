using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Identity.Tests;

/// <summary>
/// Login CSRF through SAML: a response to a request started in one browser must not log in another. The browser that
/// starts a login gets a cookie bound to that request; the ACS requires it and then clears it.
/// </summary>
public class LoginBindingTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    private const string CookiePrefix = "portal.saml.richiesta.";

    /// <summary>A browser whose cookies the test writes itself (the Cookie header), to present a forged binding cookie.</summary>
    private HttpClient BareBrowser() => portal.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(SamlPortal.BaseUrl), AllowAutoRedirect = false, HandleCookies = false,
    });

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task The_login_gives_the_browser_a_short_lived_secure_http_only_cross_site_cookie_for_the_acs_only()
    {
        var client = portal.Client();
        var response = await client.GetAsync("/saml2/login/testidp?returnUrl=/avvisi");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(SetCookies(response), c => c.StartsWith(CookiePrefix, StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie);
        Assert.Contains("; httponly", cookie);
        Assert.Contains("; samesite=none", cookie);
        Assert.Contains("; path=/saml2/acs", cookie);
        Assert.Contains("; max-age=900", cookie);
        // The value is a random nonce (32 bytes, base64url), not the request id.
        var value = cookie[(cookie.IndexOf('=') + 1)..cookie.IndexOf(';')];
        Assert.Equal(43, value.Length);
    }

    [Fact]
    public async Task A_response_to_a_request_of_browser_a_posted_from_browser_b_without_the_cookie_is_refused_and_audited()
    {
        var a = portal.Client();
        var id = await portal.StartLoginIdAsync(a, "/avvisi");
        var saml = SamlPortal.Signed(portal.Spec(id));

        var b = portal.Client();
        await portal.PostRefusedAsync(b, saml, $"La richiesta {id} non è stata avviata da questo browser (cookie della richiesta assente)");

        // The refusal did not use the request up: browser A still completes its own login.
        var own = await SamlPortal.PostAsync(a, saml);
        Assert.Equal("/avvisi", own.Headers.Location!.OriginalString);
        Assert.True(await SamlPortal.IsLoggedInAsync(a));
        Assert.False(await SamlPortal.IsLoggedInAsync(b));
    }

    [Fact]
    public async Task A_response_posted_from_a_browser_with_a_login_cookie_of_its_own_is_refused()
    {
        var a = portal.Client();
        var id = await portal.StartLoginIdAsync(a);
        var b = portal.Client();
        await portal.StartLoginIdAsync(b); // b holds a binding cookie, for its own request
        await portal.PostRefusedAsync(b, SamlPortal.Signed(portal.Spec(id)), "cookie della richiesta assente");
    }

    [Fact]
    public async Task A_forged_cookie_with_the_request_name_is_refused()
    {
        var a = portal.Client();
        var id = await portal.StartLoginIdAsync(a);
        var b = BareBrowser();
        var before = await portal.LastAuditIdAsync();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/saml2/acs")
        {
            Content = new FormUrlEncodedContent([new("SAMLResponse", SamlPortal.Signed(portal.Spec(id)))]),
        };
        post.Headers.Add("Cookie", $"{CookiePrefix}{id}=bm9uY2UtaW52ZW50YXRhLWRhbGwtYXR0YWNjYW50ZQ");
        var response = await b.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/saml2/errore", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith("portal.sessione=", StringComparison.Ordinal));
        await portal.AssertRefusalAuditedSinceAsync(before, "cookie della richiesta non corrispondente");
    }

    [Fact]
    public async Task With_the_cookie_of_the_browser_that_started_it_the_response_logs_in_and_the_cookie_is_cleared()
    {
        var a = portal.Client();
        var id = await portal.StartLoginIdAsync(a, "/avvisi");
        var saml = SamlPortal.Signed(portal.Spec(id));
        var response = await SamlPortal.PostAsync(a, saml);
        Assert.Equal("/avvisi", response.Headers.Location!.OriginalString);
        Assert.True(await SamlPortal.IsLoggedInAsync(a));
        var cleared = Assert.Single(SetCookies(response), c => c.StartsWith(CookiePrefix + id + "=", StringComparison.Ordinal));
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/saml2/acs", cleared, StringComparison.OrdinalIgnoreCase);
        // Single use: the same browser posting the response again is refused (it stays logged in from the first post).
        var before = await portal.LastAuditIdAsync();
        var again = await SamlPortal.PostAsync(a, saml);
        Assert.StartsWith("/saml2/errore", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await portal.AssertRefusalAuditedSinceAsync(before, "già ricevuto una risposta");
    }

    [Fact]
    public async Task The_cookie_is_cleared_also_when_the_response_is_refused()
    {
        var a = portal.Client();
        var id = await portal.StartLoginIdAsync(a);
        var response = await SamlPortal.PostAsync(a, SamlPortal.Signed(portal.Spec(id) with { Audience = "https://altro-sp.example/" }));
        Assert.StartsWith("/saml2/errore", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(SetCookies(response), c => c.StartsWith(CookiePrefix + id + "=", StringComparison.Ordinal)
            && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        // Even a genuine response to that request cannot complete it from this browser any more.
        await portal.PostRefusedAsync(a, SamlPortal.Signed(portal.Spec(id)), "cookie della richiesta assente");
    }

    [Fact]
    public async Task Two_logins_started_in_two_tabs_of_the_same_browser_can_both_complete()
    {
        var browser = portal.Client();
        var first = await portal.StartLoginIdAsync(browser, "/avvisi");
        var second = await portal.StartLoginIdAsync(browser, "/graduatorie");
        Assert.Equal("/graduatorie", (await SamlPortal.PostAsync(browser, SamlPortal.Signed(portal.Spec(second)))).Headers.Location!.OriginalString);
        Assert.Equal("/avvisi", (await SamlPortal.PostAsync(browser, SamlPortal.Signed(portal.Spec(first)))).Headers.Location!.OriginalString);
    }
}
