using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>
/// The data-protection keys (they sign the session and antiforgery cookies) are stored in the database encrypted with the
/// certificate of Portal:DataProtection, so that reading the database is not enough to forge a session.
/// </summary>
public class KeyRingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_stored_keys_are_encrypted_with_the_configured_certificate_and_hold_no_key_in_clear()
    {
        portal.CreateClient();
        using var scope = portal.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<CoreDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(keys);
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(TestKeyRingCertificate.Path, TestKeyRingCertificate.Password);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<EncryptedData", xml);
            Assert.Contains(Convert.ToBase64String(certificate.RawData), xml); // the recipient named in the KeyInfo
            Assert.DoesNotContain("<value>", xml);
            Assert.DoesNotContain("unencrypted", xml);
        });
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_the_portal_refuses_to_start_without_the_certificate(string environment)
    {
        using var host = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
        {
            ["environment"] = environment,
            ["Portal:PublicBaseUrl"] = "https://servizi.regione.example.it",
            ["Portal:DataProtection:CertificatePath"] = "",
        });
        Assert.Contains("Manca il certificato che cifra le chiavi di protezione dei dati", StartupFailure.Of(host));
    }

    [Fact]
    public void A_missing_certificate_file_is_named_in_the_message()
    {
        using var host = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
        {
            ["Portal:DataProtection:CertificatePath"] = "/non/esiste/chiavi.pfx",
        });
        Assert.Contains("Portal:DataProtection:CertificatePath: il file «/non/esiste/chiavi.pfx» non esiste.", StartupFailure.Of(host));
    }

    [Fact]
    public void A_wrong_password_is_explained_not_thrown_as_a_bare_cryptographic_error()
    {
        using var host = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
        {
            ["Portal:DataProtection:CertificatePassword"] = "sbagliata",
        });
        Assert.Contains($"Portal:DataProtection:CertificatePath: il certificato «{TestKeyRingCertificate.Path}» non si può leggere (password errata",
            StartupFailure.Of(host));
    }

    [Fact]
    public void A_pem_certificate_without_its_private_key_file_is_refused_by_name()
    {
        using var host = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
        {
            ["Portal:DataProtection:CertificatePath"] = "",
            ["Portal:DataProtection:CertificatePemPath"] = "/etc/portale/chiavi.pem",
        });
        Assert.Contains("Portal:DataProtection:PrivateKeyPemPath è obbligatoria insieme a CertificatePemPath.", StartupFailure.Of(host));
    }

    [Fact]
    public void A_pem_certificate_whose_key_file_is_missing_is_refused_by_name()
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(TestKeyRingCertificate.Path, TestKeyRingCertificate.Password);
        var pem = Path.Combine(Path.GetTempPath(), $"chiavi-{Guid.NewGuid():N}.pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        try
        {
            using var host = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
            {
                ["Portal:DataProtection:CertificatePath"] = "",
                ["Portal:DataProtection:CertificatePemPath"] = pem,
                ["Portal:DataProtection:PrivateKeyPemPath"] = "/non/esiste/chiave.pem",
            });
            Assert.Contains("Portal:DataProtection:PrivateKeyPemPath: il file «/non/esiste/chiave.pem» non esiste.", StartupFailure.Of(host));
        }
        finally { File.Delete(pem); }
    }
}
