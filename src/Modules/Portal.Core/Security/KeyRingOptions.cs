using Microsoft.Extensions.Hosting;

namespace Portal.Core.Security;

/// <summary>
/// Portal:DataProtection: the certificate that encrypts the data-protection keys (they sign session and antiforgery cookies)
/// before they are stored in the database, so that reading the database is not enough to forge a session. Required in
/// Production and Staging; in Development and Testing the keys may stay unencrypted.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "Portal:DataProtection";

    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    public string? CertificatePemPath { get; set; }
    public string? PrivateKeyPemPath { get; set; }

    public const string MissingInProduction =
        "Manca il certificato che cifra le chiavi di protezione dei dati (sessioni, moduli): configurare " +
        "Portal:DataProtection:CertificatePath (PFX con CertificatePassword) oppure CertificatePemPath e PrivateKeyPemPath. " +
        "Senza, le chiavi restano in chiaro nel database: è ammesso solo negli ambienti Development e Testing.";

    public System.Security.Cryptography.X509Certificates.X509Certificate2? LoadCertificate(IHostEnvironment environment)
    {
        var certificate = CertificateFiles.Load(Section, CertificatePath, CertificatePassword, CertificatePemPath, PrivateKeyPemPath);
        if (certificate is null && (environment.IsProduction() || environment.IsStaging()))
            throw new InvalidOperationException(MissingInProduction);
        return certificate;
    }
}
