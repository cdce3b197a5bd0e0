using Portal.AuditTrail.Model;
using System.Net;
using Portal.AuditTrail.Data;
using System.Web;
using System.Xml;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Identity.Saml;
using Portal.Testing;

namespace Portal.Identity.Tests;

/// <summary>A portal that trusts <see cref="TestIdp.Trusted"/> as the SPID IdP "testidp".</summary>
public sealed class SamlPortal : IDisposable
{
    /// <summary>The portal's address in the tests: https, as in production, so the Secure login cookie travels (see <see cref="Client"/>).</summary>
    public const string BaseUrl = "https://localhost";
    public const string AcsUrl = BaseUrl + "/saml2/acs";
    public const string EntityId = "https://portale.test.example/saml2/metadata";
    public const string IdpKey = "testidp";
    /// <summary>A valid codice fiscale of nobody in the demo data.</summary>
    public const string NewPersonCf = "BNCGLI85C52H501R";

    public PortalFactory Factory { get; }

    public SamlPortal() : this(null) { }

    internal SamlPortal(IDictionary<string, string?>? extra, TestDatabase? database = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Identity:ServiceProvider:BaseUrl"] = BaseUrl,
            ["Portal:Identity:ServiceProvider:EntityId"] = EntityId,
            ["Portal:Identity:Providers:0:Key"] = IdpKey,
            ["Portal:Identity:Providers:0:DisplayName"] = "IdP di prova",
            ["Portal:Identity:Providers:0:Kind"] = "spid",
            ["Portal:Identity:Providers:0:Metadata"] = TestIdp.Trusted.MetadataPath,
            ["Portal:Identity:Providers:1:Key"] = "cie",
            ["Portal:Identity:Providers:1:DisplayName"] = "CIE",
            ["Portal:Identity:Providers:1:Kind"] = "cie",
            ["Portal:Identity:Providers:1:Metadata"] = TestIdp.Trusted.MetadataPath,
            ["Portal:Identity:Providers:2:Key"] = "rotto",
            ["Portal:Identity:Providers:2:Kind"] = "spid",
            ["Portal:Identity:Providers:2:Metadata"] = Path.Combine(TestIdp.Trusted.Folder, "non-esiste.xml"),
            ["Portal:Identity:Providers:3:Key"] = "malformato",
            ["Portal:Identity:Providers:3:Kind"] = "spid",
            ["Portal:Identity:Providers:3:Metadata"] = TestIdp.Trusted.MalformedMetadataPath,
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        Factory = PortalFactory.Create(database ?? TestDatabase.Create(), settings);
    }

    /// <summary>
    /// A browser on https://localhost. The login binding cookie is Secure (SameSite=None needs it); browsers keep and send
    /// Secure cookies on http://localhost too, but the test client's cookie container sends them over https only.
    /// </summary>
    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(BaseUrl), AllowAutoRedirect = false, HandleCookies = true,
    });

    public DateTimeOffset Now => Factory.Clock.GetUtcNow();

    /// <summary>GET /saml2/login/...: returns the AuthnRequest XML and the redirect URL.</summary>
    public async Task<(XmlDocument Request, Uri Redirect)> StartLoginAsync(HttpClient client, string? returnUrl = null, int? level = null, string idp = IdpKey)
    {
        var url = $"/saml2/login/{idp}?returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}" + (level is null ? "" : $"&livello={level}");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var query = HttpUtility.ParseQueryString(location.Query);
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(RedirectBinding.Inflate(query["SAMLRequest"]!));
        return (doc, location);
    }

    public async Task<string> StartLoginIdAsync(HttpClient client, string? returnUrl = null, int? level = null) =>
        (await StartLoginAsync(client, returnUrl, level)).Request.DocumentElement!.GetAttribute("ID");

    public ResponseSpec Spec(string inResponseTo) => new() { InResponseTo = inResponseTo, Now = Now };

    /// <summary>Builds and signs (assertion, and response unless told otherwise) with the trusted key.</summary>
    public static string Signed(ResponseSpec spec, bool signResponse = true, bool signAssertion = true)
    {
        var doc = SamlResponseBuilder.Build(spec);
        if (signAssertion && spec.IncludeAssertion) TestSigner.Sign(doc, spec.AssertionId, TestIdp.Trusted.Certificate);
        if (signResponse) TestSigner.Sign(doc, spec.ResponseId, TestIdp.Trusted.Certificate);
        return SamlResponseBuilder.Encode(doc);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string samlResponse) =>
        client.PostAsync("/saml2/acs", new FormUrlEncodedContent([new KeyValuePair<string, string>("SAMLResponse", samlResponse)]));

    public static async Task<bool> IsLoggedInAsync(HttpClient client) =>
        (await client.GetAsync("/api/v1/sessione")).StatusCode == HttpStatusCode.OK;

    /// <summary>What the refusal page says when no more precise message applies.</summary>
    public const string GenericRefusal = "Non è stato possibile completare l'accesso";

    /// <summary>The highest audit id so far (0 on an empty trail): entries written afterwards have larger ids.</summary>
    public async Task<long> LastAuditIdAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditTrailDbContext>();
        return await db.Audit.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    /// <summary>
    /// Posts the response from this browser and proves it refused: no session, the Italian error page, and one
    /// Accesso.Rifiutato entry written by this very post whose reason contains <paramref name="reasonFragment"/>.
    /// </summary>
    public async Task<AuditEntry> PostRefusedAsync(HttpClient client, string samlResponse, string reasonFragment, string expectedText = GenericRefusal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reasonFragment);
        var before = await LastAuditIdAsync();
        var response = await PostAsync(client, samlResponse);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/saml2/errore", location, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("portal.sessione=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.False(await IsLoggedInAsync(client));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(location));
        Assert.Contains(expectedText, page);
        // The precise reason is for the audit trail, not for the page.
        Assert.DoesNotContain(reasonFragment, page);
        return await AssertRefusalAuditedSinceAsync(before, reasonFragment);
    }

    /// <summary>Exactly one <paramref name="action"/> entry was written after <paramref name="auditBefore"/>, with the reason.</summary>
    public async Task<AuditEntry> AssertRefusalAuditedSinceAsync(long auditBefore, string reasonFragment, string action = "Accesso.Rifiutato")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reasonFragment);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditTrailDbContext>();
        var written = await db.Audit.AsNoTracking().Where(a => a.Id > auditBefore && a.Action == action).ToListAsync();
        var entry = Assert.Single(written);
        Assert.False(string.IsNullOrWhiteSpace(entry.Details));
        Assert.Contains(reasonFragment, entry.Details);
        return entry;
    }

    public void Dispose() => Factory.Dispose();
}
