using System.Net;
using System.Web;
using System.Xml;
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
    public const string BaseUrl = "http://localhost";
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

    public HttpClient Client() => Factory.Anonymous();

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

    public async Task<AuditEntry?> LastRefusalAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        return await db.Audit.AsNoTracking().Where(a => a.Action == "Accesso.Rifiutato").OrderByDescending(a => a.Id).FirstOrDefaultAsync();
    }

    /// <summary>The response is refused: no session, the Italian error page, an audit entry with the precise reason.</summary>
    public async Task AssertRefusedAsync(HttpClient client, HttpResponseMessage response, string reasonFragment, string expectedText = "Non è stato possibile completare l'accesso", long auditAfter = -1)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/saml2/errore", location, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("portal.sessione=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.False(await IsLoggedInAsync(client));
        var page = await client.GetStringAsync(location);
        Assert.Contains(expectedText, WebUtility.HtmlDecode(page));
        if (reasonFragment.Length > 0) Assert.DoesNotContain(reasonFragment, WebUtility.HtmlDecode(page));
        var audit = await LastRefusalAsync();
        Assert.NotNull(audit);
        Assert.True(audit.Id > auditAfter, "Nessuna nuova voce Accesso.Rifiutato");
        Assert.False(string.IsNullOrWhiteSpace(audit.Details));
        Assert.Contains(reasonFragment, audit.Details);
    }

    public void Dispose() => Factory.Dispose();
}
