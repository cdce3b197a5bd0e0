namespace Portal.Identity.Model;

/// <summary>The SP signing key pair generated in Development/Testing, shared by every node through the database.</summary>
public sealed class SpKeyMaterial
{
    public int Id { get; set; }
    public required string CertificatePem { get; set; }
    public required string PrivateKeyPem { get; set; }
    public DateTime CreatedUtc { get; set; }
}
