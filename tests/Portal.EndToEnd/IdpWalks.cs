using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>How a person enters the portal through the SimpleSAMLphp IdP.</summary>
public enum IdpRoute
{
    /// <summary>/accedi → "Entra con Cohesion" → the IdP.</summary>
    Cohesion,
    /// <summary>/accedi → "Entra con SPID" → the list of providers it opens → the IdP.</summary>
    Spid,
}

/// <summary>The session as /api/v1/sessione reports it.</summary>
public sealed record PortalSessionInfo(string CodiceFiscale, string Nome, string? Ruolo, IReadOnlyList<string> Ambiti);

/// <summary>Steps of the walks that log in through the real SAML IdP.</summary>
public static class IdpWalks
{
    /// <summary>
    /// /accedi → the login button of <paramref name="route"/> → the IdP's login form (username, password)
    /// → the IdP posts the signed Response to the ACS → the portal page the ACS leads to (returnUrl, or
    /// /scelta-ruolo for a person with several roles), checked by axe like every portal page.
    /// </summary>
    public static async Task LoginThroughIdpAsync(BrowserSession s, IdpUser user, IdpRoute route = IdpRoute.Cohesion, string? returnUrl = null)
    {
        var idp = s.Portal.Idp;
        var page = s.Page;
        s.AllowExternalPages(idp.BaseUrl);
        await s.GotoAsync(returnUrl is null ? "/accedi" : "/accedi?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var main = page.Locator("#main");
        if (route == IdpRoute.Spid)
        {
            await SpidWalks.OpenProviderListAsync(s);
            await main.GetByRole(AriaRole.Link, new() { Name = SimpleSamlIdp.SpidDisplayName, Exact = true }).ClickAsync();
        }
        else
        {
            await main.GetByRole(AriaRole.Link, new() { Name = "Entra con Cohesion", Exact = true }).ClickAsync();
        }

        // The IdP's own login form (SimpleSAMLphp exampleauth:UserPass).
        await page.WaitForURLAsync(u => idp.Serves(u), new() { WaitUntil = WaitUntilState.Load });
        await page.Locator("#username").FillAsync(user.Username);
        await page.Locator("#password").FillAsync(IdpUser.Password);
        await page.Locator("#submit_button").ClickAsync();

        // Its answer is a form that posts SAMLResponse to the ACS by script; the ACS redirects into the portal.
        var portalOrigin = s.Portal.BaseUrl.GetLeftPart(UriPartial.Authority) + "/";
        try
        {
            await page.WaitForURLAsync(u => u.StartsWith(portalOrigin, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Load });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"[{s.Name}] login di {user.Username} sull'IdP non concluso (pagina: {page.Url}):\n" +
                await page.Locator("body").InnerTextAsync() + "\n---- output del portale ----\n" + s.Portal.Host.Output);
        }
        Assert.DoesNotMatch("/saml2/(acs|errore)", page.Url);
        await s.CheckPageAsync();
        await Expect(page.Locator(".portal-user")).ToContainTextAsync(user.FullName);
    }

    /// <summary>/api/v1/sessione with the browser's cookies.</summary>
    public static async Task<PortalSessionInfo?> SessionAsync(BrowserSession s)
    {
        var response = await s.Context.APIRequest.GetAsync("/api/v1/sessione");
        if (response.Status == 401) return null;
        Assert.Equal(200, response.Status);
        return JsonSerializer.Deserialize<PortalSessionInfo>(await response.TextAsync(), new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
