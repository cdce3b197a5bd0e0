namespace Portal.Monitoraggio.Model;

/// <summary>One error or warning of a feed: line, field, value, message and the rule code.</summary>
public sealed class FlussoSegnalazione
{
    public long Id { get; set; }
    public Guid FlussoId { get; set; }
    public int Riga { get; set; }
    public string? Campo { get; set; }
    public string? Valore { get; set; }
    public required string Codice { get; set; }
    public required string Messaggio { get; set; }
    public bool Avviso { get; set; }
}
