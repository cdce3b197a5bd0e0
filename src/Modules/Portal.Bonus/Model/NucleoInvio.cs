namespace Portal.Bonus.Model;

/// <summary>
/// One codice fiscale of a sent application's household (applicant or member), per call: the key of the
/// one-per-household rule (art. 5.2). The primary key (call, CF) lets only one sent application hold a CF; a sending
/// that finds a CF already held is flagged. On cancellation a CF passes to the earliest other sent application that listed it,
/// or is removed when none did, so the family may apply again unless another of its sent applications still counts.
/// </summary>
public sealed class NucleoInvio
{
    public Guid BandoId { get; set; }
    public required string CodiceFiscale { get; set; }
    public Guid DomandaId { get; set; }
    public DateTime InviataUtc { get; set; }
}
