namespace Portal.Bonus.Model;

/// <summary>A student child of the household.</summary>
public sealed class FiglioStudente
{
    public long Id { get; set; }
    public Guid DomandaId { get; set; }
    public int Ordine { get; set; }
    public required string CodiceFiscale { get; set; }
    public required string Nome { get; set; }
    public required string Cognome { get; set; }
    public LivelloStudio Livello { get; set; }
    /// <summary>School, university or training institution.</summary>
    public required string Istituto { get; set; }
}
