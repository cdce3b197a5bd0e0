namespace Portal.Monitoraggio.Model;

/// <summary>
/// An API credential of one ente gestore for its management system: a bearer token shown once when issued and kept
/// only as its SHA-256. The Amministratore issues and revokes it; every use stamps <see cref="LastUsedUtc"/>.
/// </summary>
public sealed class CredenzialeApi
{
    public const string SubjectType = "Monitoraggio.Credenziale";

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string EnteCode { get; set; }
    public required string Etichetta { get; set; }
    /// <summary>SHA-256 of the token (32 bytes).</summary>
    public required byte[] TokenHash { get; set; }
    /// <summary>The token's first characters, to recognise it in the list (not enough to use it).</summary>
    public required string Prefisso { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? RevokedBy { get; set; }

    public bool Attiva => RevokedUtc is null;
}
