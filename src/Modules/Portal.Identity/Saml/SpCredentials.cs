using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Security;
using Portal.Identity.Data;
using Portal.Identity.Model;

namespace Portal.Identity.Saml;

/// <summary>
/// The SP signing certificate: from the configured PFX or PEM files; in Development/Testing, when none is
/// configured, a self-signed pair generated once and kept in the database so every node uses the same one.
/// </summary>
public sealed class SpCredentials(IOptions<IdentityOptions> options, IHostEnvironment environment,
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<SpCredentials> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private X509Certificate2? _certificate;

    public async Task<X509Certificate2> GetAsync(CancellationToken ct = default)
    {
        if (_certificate is not null) return _certificate;
        await _gate.WaitAsync(ct);
        try
        {
            return _certificate ??= await LoadAsync(ct);
        }
        finally { _gate.Release(); }
    }

    private async Task<X509Certificate2> LoadAsync(CancellationToken ct)
    {
        var sp = options.Value.ServiceProvider;
        if (CertificateFiles.Load("Portal:Identity:ServiceProvider", sp.CertificatePath, sp.CertificatePassword, sp.CertificatePemPath, sp.PrivateKeyPemPath)
            is { } configured)
            return configured;
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            throw new InvalidOperationException(MissingInProduction);
        return await LoadOrGenerateSharedAsync(sp, ct);
    }

    public const string MissingInProduction =
        "Manca il certificato di firma del service provider SAML: configurare Portal:Identity:ServiceProvider:CertificatePath " +
        "(PFX con CertificatePassword) oppure CertificatePemPath e PrivateKeyPemPath. La chiave generata automaticamente " +
        "è ammessa solo negli ambienti Development e Testing.";

    private async Task<X509Certificate2> LoadOrGenerateSharedAsync(ServiceProviderOptions sp, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var stored = await db.SpKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == 1, ct);
        if (stored is null)
        {
            using var rsa = RSA.Create(2048);
            var host = Uri.TryCreate(sp.Base, UriKind.Absolute, out var u) ? u.Host : "localhost";
            var request = new CertificateRequest($"CN={host}, O={sp.OrganizationName.Replace(",", " ", StringComparison.Ordinal)}, C=IT",
                rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
            var now = clock.GetUtcNow();
            using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
            db.SpKeys.Add(new SpKeyMaterial
            {
                Id = 1,
                CertificatePem = cert.ExportCertificatePem(),
                PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem(),
                CreatedUtc = now.UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                logger.LogWarning("Generated a self-signed SAML SP key pair (development/testing only) and stored it in the database.");
            }
            catch (DbUpdateException)
            {
                // Another node stored its pair first: use that one.
                db.ChangeTracker.Clear();
            }
            stored = await db.SpKeys.AsNoTracking().FirstAsync(k => k.Id == 1, ct);
        }
        using var pem = X509Certificate2.CreateFromPem(stored.CertificatePem, stored.PrivateKeyPem);
        // Re-import so the private key is usable on every platform.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
