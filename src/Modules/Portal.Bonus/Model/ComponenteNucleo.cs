namespace Portal.Bonus.Model;

/// <summary>A member of the applicant's household (the applicant is not listed).</summary>
public sealed class ComponenteNucleo
{
    public long Id { get; set; }
    public Guid DomandaId { get; set; }
    public int Ordine { get; set; }
    public required string CodiceFiscale { get; set; }
    public required string Nome { get; set; }
    public required string Cognome { get; set; }
    public RelazioneNucleo Relazione { get; set; }
}
