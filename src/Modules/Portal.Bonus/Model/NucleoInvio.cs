namespace Portal.Bonus.Model;

/// <summary>
/// One codice fiscale of a sent application's household (applicant or member), per call: the key of the
/// one-per-household rule (art. 5.2). The primary key (call, CF) lets only one sent application hold a CF; a sending
/// that finds a CF already held is flagged. The rows of a cancelled application are removed, so the family may apply again.
/// </summary>
public sealed class NucleoInvio
{
    public Guid BandoId { get; set; }
    public required string CodiceFiscale { get; set; }
    public Guid DomandaId { get; set; }
    public DateTime InviataUtc { get; set; }
}
