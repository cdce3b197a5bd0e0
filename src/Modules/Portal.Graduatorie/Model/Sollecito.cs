namespace Portal.Graduatorie.Model;

/// <summary>A reminder sent to one operator of a Comune without a valid list, at most once a day per Finestra.</summary>
public sealed class Sollecito
{
    public long Id { get; set; }
    public Guid FinestraId { get; set; }
    public DateOnly Giorno { get; set; }
    public required string ComuneIstat { get; set; }
    public Guid PersonId { get; set; }
    public DateTime SentUtc { get; set; }
    public required string SentBy { get; set; }
}
