using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Core.Security;

/// <summary>
/// A certificate with its private key named by the configuration: a PFX (<c>CertificatePath</c> + <c>CertificatePassword</c>)
/// or a PEM pair (<c>CertificatePemPath</c> + <c>PrivateKeyPemPath</c>). A file that is missing, unreadable or has the wrong
/// password stops the start with a message naming the setting, never a bare cryptographic exception.
/// </summary>
public static class CertificateFiles
{
    /// <returns>The certificate, or null when neither form is configured.</returns>
    public static X509Certificate2? Load(string section, string? pfxPath, string? password, string? pemPath, string? keyPemPath)
    {
        if (!string.IsNullOrWhiteSpace(pfxPath))
            return Read(section, "CertificatePath", pfxPath,
                () => X509CertificateLoader.LoadPkcs12FromFile(pfxPath, password, X509KeyStorageFlags.EphemeralKeySet));
        if (string.IsNullOrWhiteSpace(pemPath)) return null;
        if (string.IsNullOrWhiteSpace(keyPemPath))
            throw new InvalidOperationException($"{section}:PrivateKeyPemPath è obbligatoria insieme a CertificatePemPath.");
        if (!File.Exists(keyPemPath))
            throw new InvalidOperationException($"{section}:PrivateKeyPemPath: il file «{keyPemPath}» non esiste.");
        return Read(section, "CertificatePemPath", pemPath, () =>
        {
            using var pem = X509Certificate2.CreateFromPemFile(pemPath, keyPemPath);
            // Re-imported so that the private key is usable on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
        });
    }

    private static X509Certificate2 Read(string section, string setting, string path, Func<X509Certificate2> load)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"{section}:{setting}: il file «{path}» non esiste.");
        X509Certificate2 certificate;
        try
        {
            certificate = load();
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"{section}:{setting}: il certificato «{path}» non si può leggere (password errata o file non valido: {e.Message}).", e);
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{section}:{setting}: il certificato «{path}» non contiene la chiave privata.");
        }
        return certificate;
    }
}
