using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Identity.Tests;

/// <summary>A test IdP: its own RSA key pair and certificate, its metadata file, and PEM files for xmlsec1.</summary>
public sealed class TestIdp
{
    public const string EntityId = "https://idp.test.example/spid";
    public const string SsoUrl = "https://idp.test.example/sso";
    public const string SloUrl = "https://idp.test.example/slo";

    public X509Certificate2 Certificate { get; }
    public string Folder { get; }
    public string MetadataPath => Path.Combine(Folder, "idp-metadata.xml");
    /// <summary>A metadata file that is not XML at all (an IdP that must be skipped).</summary>
    public string MalformedMetadataPath => Path.Combine(Folder, "malformed-metadata.xml");
    public string KeyPemPath => Path.Combine(Folder, "idp-key.pem");
    public string CertPemPath => Path.Combine(Folder, "idp-cert.pem");

    /// <summary>The trusted IdP of every test (one per test run).</summary>
    public static TestIdp Trusted { get; } = new("Test IdP");

    /// <summary>A key the portal does not trust.</summary>
    public static TestIdp Stranger { get; } = new("Stranger");

    private TestIdp(string name)
    {
        Folder = Path.Combine(Path.GetTempPath(), "portal-identity-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, O=Test, C=IT", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        Certificate = X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
        File.WriteAllText(KeyPemPath, rsa.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(CertPemPath, cert.ExportCertificatePem());
        File.WriteAllText(MetadataPath, Metadata(Convert.ToBase64String(cert.RawData)));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(Folder, true); } catch (IOException) { }
        };
        File.WriteAllText(MalformedMetadataPath, "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\"><md:IDPSSODescriptor>");
    }

    private static string Metadata(string certB64) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="{EntityId}" ID="_idpmeta">
          <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="true">
            <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{certB64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
            <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{SloUrl}"/>
            <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{SsoUrl}"/>
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="{SsoUrl}"/>
          </md:IDPSSODescriptor>
        </md:EntityDescriptor>
        """;
}
