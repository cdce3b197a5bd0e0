using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;

namespace Portal.DevIdp.Tests;

/// <summary>
/// The portal as the README's run command starts it: environment Development, so appsettings.Development.json enables the
/// test IdP and configures the Identity module to trust its three entities ("~/dev-idp/{kind}/metadata").
/// The address is https://localhost (the login binding cookie is Secure); the metadata reads, which a real run makes over
/// the network to its own address, go to this in-process server.
/// </summary>
public sealed partial class DevIdpPortal : PortalFactory
{
    public const string BaseUrl = "https://localhost";
    public const string AcsUrl = BaseUrl + "/saml2/acs";

    public DevIdpPortal() : this(TestDatabase.Create()) { }

    private DevIdpPortal(TestDatabase database) : base(database, new Dictionary<string, string?>
    {
        ["environment"] = "Development",
        ["Portal:Identity:ServiceProvider:BaseUrl"] = BaseUrl,
    })
    { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            foreach (var name in new[] { "saml-metadata", "dev-idp-sp-metadata" })
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
        });
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(BaseUrl), AllowAutoRedirect = false, HandleCookies = true,
    });

    /// <summary>The SP loads the IdP metadata once the server listens: waits until the SPID list shows the test IdP.</summary>
    public async Task WaitForProvidersAsync()
    {
        var client = Browser();
        for (var i = 0; i < 100; i++)
        {
            if ((await client.GetAsync("/saml2/login/cohesion-portale")).StatusCode == HttpStatusCode.Redirect
                && (await client.GetAsync("/saml2/login/spid-portale")).StatusCode == HttpStatusCode.Redirect
                && (await client.GetAsync("/saml2/login/cie-portale")).StatusCode == HttpStatusCode.Redirect) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("Il service provider non ha caricato i metadati dell'IdP di prova.");
    }

    /// <summary>/saml2/login/{idp} → the IdP's SSO → its person chooser; returns the chooser's HTML and address.</summary>
    public async Task<(string Html, string Url)> StartAsync(HttpClient browser, string idpKey, string query = "")
    {
        var login = await browser.GetAsync($"/saml2/login/{idpKey}{query}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var sso = login.Headers.Location!;
        Assert.StartsWith(BaseUrl + "/dev-idp/", sso.AbsoluteUri, StringComparison.Ordinal);
        var received = await browser.GetAsync(sso);
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var chooser = received.Headers.Location!.OriginalString;
        Assert.Contains("/accesso?richiesta=", chooser, StringComparison.Ordinal);
        var page = await browser.GetAsync(chooser);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (await page.Content.ReadAsStringAsync(), chooser);
    }

    /// <summary>Posts one of the chooser's forms (by its handler) with the fields given; returns the answer page.</summary>
    public static async Task<HttpResponseMessage> PostChooserAsync(HttpClient browser, string chooserHtml, string handler, params (string Key, string Value)[] fields)
    {
        var action = WebUtility.HtmlDecode(Regex.Match(chooserHtml, $"<form method=\"post\"[^>]*? action=\"([^\"]*handler={handler}[^\"]*)\"").Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(action), $"Nessun modulo {handler} nella pagina dell'IdP.");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(chooserHtml).Groups[1].Value);
        return await browser.PostAsync(action, PortalClient.Form(token, fields));
    }

    /// <summary>The auto-submitting form of the answer page: where it posts and the SAMLResponse it carries.</summary>
    public static (string Action, string SamlResponse, XmlDocument Decoded) AnswerOf(string answerHtml)
    {
        var action = WebUtility.HtmlDecode(Regex.Match(answerHtml, "<form method=\"post\" action=\"([^\"]*)\" data-invio-automatico=\"true\"").Groups[1].Value);
        var response = WebUtility.HtmlDecode(Regex.Match(answerHtml, "name=\"SAMLResponse\" value=\"([^\"]*)\"").Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(response), "La pagina dell'IdP non porta una SAMLResponse.");
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(Encoding.UTF8.GetString(Convert.FromBase64String(response)));
        return (action, response, doc);
    }

    public static Task<HttpResponseMessage> PostToAcsAsync(HttpClient browser, string action, string samlResponse) =>
        browser.PostAsync(action, new FormUrlEncodedContent([new KeyValuePair<string, string>("SAMLResponse", samlResponse)]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
