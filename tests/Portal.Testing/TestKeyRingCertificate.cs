using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Testing;

/// <summary>
/// The certificate every test host encrypts its data-protection keys with (Portal:DataProtection), as a production node does:
/// a self-signed RSA pair written once per test run as a password-protected PFX, shared by the in-process hosts and the
/// portal processes of that run.
/// </summary>
public static class TestKeyRingCertificate
{
    public const string Password = "chiavi-di-prova";

    private static readonly Lazy<string> Created = new(Create);

    public static string Path => Created.Value;

    private static string Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Portale di prova - chiavi, O=Regione, C=IT", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"portal-test-keyring-{Environment.ProcessId}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { File.Delete(path); } catch (IOException) { } };
        return path;
    }
}
