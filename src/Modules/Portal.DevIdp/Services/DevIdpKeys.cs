using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.DevIdp.Services;

/// <summary>
/// The IdP's signing certificate: generated in memory when the process starts. The SP reads the IdP metadata from this
/// same process (at start and at each refresh), so it always trusts the key in use; a restart makes a new one.
/// </summary>
public sealed class DevIdpKeys : IDisposable
{
    private readonly Lazy<X509Certificate2> _certificate = new(Generate);

    public X509Certificate2 Certificate => _certificate.Value;

    /// <summary>Whether a key was made in this process (never outside Development: nothing asks for it there).</summary>
    public bool Generated => _certificate.IsValueCreated;

    private static X509Certificate2 Generate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=IdP di prova del portale, O=Ambiente di sviluppo, C=IT", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
        // Re-import so the private key is usable for signing on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }

    public void Dispose()
    {
        if (_certificate.IsValueCreated) _certificate.Value.Dispose();
    }
}
