namespace Portal.Bonus.Model;

/// <summary>A saved version of a Bando's rules: who changed it, when and why.</summary>
public sealed class BandoVersione
{
    public long Id { get; set; }
    public Guid BandoId { get; set; }
    public int Versione { get; set; }
    public required string Titolo { get; set; }
    public Guid? AvvisoId { get; set; }
    public required BandoRegole Regole { get; set; }
    public string? Motivo { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? CreatedBy { get; set; }
}
