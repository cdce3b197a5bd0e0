using System.Net;
using System.Net.Sockets;
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

    [Fact]
    public async Task An_idp_whose_metadata_does_not_answer_is_skipped_in_one_log_line_and_the_portal_starts()
    {
        // Accepts connections and never answers; the port after it is closed.
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        silent.Listen();
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var portal = new SamlPortal(new Dictionary<string, string?>
        {
            ["Portal:Identity:Providers:4:Key"] = "lento",
            ["Portal:Identity:Providers:4:Kind"] = "spid",
            ["Portal:Identity:Providers:4:Metadata"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndPoint!).Port}/metadata.xml",
            ["Portal:Identity:Providers:5:Key"] = "spento",
            ["Portal:Identity:Providers:5:Kind"] = "spid",
            ["Portal:Identity:Providers:5:Metadata"] = $"http://127.0.0.1:{closedPort}/metadata.xml",
        });
        var factory = portal.Factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddHttpClient("saml-metadata", c => c.Timeout = TimeSpan.FromSeconds(1))));

        // The metadata is read while the host starts: a timeout there must not stop the portal.
        var registry = factory.Services.GetRequiredService<IdpRegistry>();
        Assert.Null(registry.Find("lento"));
        Assert.Null(registry.Find("spento"));
        Assert.NotNull(registry.Find(SamlPortal.IdpKey));
        Assert.Contains("IdP di prova", WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/saml2/spid")));
        await registry.RefreshAsync();
        Assert.NotNull(registry.Find(SamlPortal.IdpKey));
        Assert.Null(registry.Find("lento"));
        // An IdP that cannot be reached is an operator's matter, told in one line with the reason: no stack trace.
        Assert.Equal("", factory.LoggedErrors.Drain());
    }
}
