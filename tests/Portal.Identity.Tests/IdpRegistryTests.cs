using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Identity.Providers;

namespace Portal.Identity.Tests;

public class IdpRegistryTests
{
    private const string Redirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    [Fact]
    public async Task Metadata_from_a_url_is_refreshed_and_a_failed_refresh_keeps_the_last_good_copy()
    {
        using var server = new MetadataServer { Content = await File.ReadAllTextAsync(TestIdp.Trusted.MetadataPath) };
        using var portal = new SamlPortal(new Dictionary<string, string?>
        {
            ["Portal:Identity:Providers:4:Key"] = "remoto",
            ["Portal:Identity:Providers:4:DisplayName"] = "IdP remoto",
            ["Portal:Identity:Providers:4:Kind"] = "spid",
            ["Portal:Identity:Providers:4:Metadata"] = server.Url,
        });
        var registry = portal.Factory.Services.GetRequiredService<IdpRegistry>();
        var remote = registry.Find("remoto");
        Assert.NotNull(remote);
        Assert.Equal((TestIdp.EntityId, TestIdp.SsoUrl), (remote.EntityId, remote.SingleSignOn[Redirect]));
        Assert.Equal(TestIdp.Trusted.Certificate.Thumbprint, Assert.Single(remote.SigningCertificates).Thumbprint);
        Assert.Contains("IdP remoto", WebUtility.HtmlDecode(await portal.Client().GetStringAsync("/saml2/spid")));

        server.Content = server.Content.Replace(TestIdp.SsoUrl, "https://idp.test.example/sso-nuovo", StringComparison.Ordinal);
        await registry.RefreshAsync();
        Assert.Equal("https://idp.test.example/sso-nuovo", registry.Find("remoto")!.SingleSignOn[Redirect]);

        server.Status = HttpStatusCode.InternalServerError;
        await registry.RefreshAsync();
        Assert.Equal("https://idp.test.example/sso-nuovo", registry.Find("remoto")!.SingleSignOn[Redirect]);
        Assert.NotNull(registry.Find(SamlPortal.IdpKey));
        Assert.Null(registry.Find("malformato"));
    }
}
