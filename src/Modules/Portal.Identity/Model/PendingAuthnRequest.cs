namespace Portal.Identity.Model;

/// <summary>An AuthnRequest sent to an IdP and waiting for its response (kept server-side: the ACS POST is cross-site).</summary>
public sealed class PendingAuthnRequest
{
    public required string Id { get; set; }
    public required string IdpKey { get; set; }
    public int Level { get; set; }
    public string? ReturnUrl { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ConsumedUtc { get; set; }
    /// <summary>SHA-256 (hex) of the nonce in the cookie of the browser that started the login; the ACS requires that cookie.</summary>
    public string? BrowserBindingHash { get; set; }
}
