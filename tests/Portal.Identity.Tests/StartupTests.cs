using Portal.Testing;

namespace Portal.Identity.Tests;

public class StartupTests
{
    [Fact]
    public void In_production_without_an_sp_certificate_the_portal_refuses_to_start_with_a_clear_message()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Portal:PublicBaseUrl"] = "https://servizi.regione.example.it",
            ["Portal:Identity:ServiceProvider:BaseUrl"] = SamlPortal.BaseUrl,
            ["Portal:Identity:Providers:0:Key"] = SamlPortal.IdpKey,
            ["Portal:Identity:Providers:0:Kind"] = "spid",
            ["Portal:Identity:Providers:0:Metadata"] = TestIdp.Trusted.MetadataPath,
        });
        Assert.Contains("Manca il certificato di firma del service provider SAML", StartupFailure.Of(portal));
    }

    [Fact]
    public async Task In_production_a_configured_pem_certificate_is_used_and_nothing_is_generated()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Portal:PublicBaseUrl"] = "https://servizi.regione.example.it",
            ["Portal:Identity:ServiceProvider:BaseUrl"] = SamlPortal.BaseUrl,
            // Any key pair will do as the SP's: the test IdP's own PEM files.
            ["Portal:Identity:ServiceProvider:CertificatePemPath"] = TestIdp.Stranger.CertPemPath,
            ["Portal:Identity:ServiceProvider:PrivateKeyPemPath"] = TestIdp.Stranger.KeyPemPath,
            ["Portal:Identity:Providers:0:Key"] = SamlPortal.IdpKey,
            ["Portal:Identity:Providers:0:Kind"] = "spid",
            ["Portal:Identity:Providers:0:Metadata"] = TestIdp.Trusted.MetadataPath,
        });
        var cert = await LoginTests.SpCertificateAsync(portal.CreateClient());
        Assert.Equal(TestIdp.Stranger.Certificate.Thumbprint, cert.Thumbprint);
    }
}
