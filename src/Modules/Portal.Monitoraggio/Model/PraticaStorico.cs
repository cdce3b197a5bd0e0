namespace Portal.Monitoraggio.Model;

/// <summary>A practice as a feed described it on one DATA_RIFERIMENTO: the history behind the progress reports.</summary>
public sealed class PraticaStorico
{
    public required string EnteCode { get; set; }
    public required string IdPratica { get; set; }
    public DateOnly DataRiferimento { get; set; }
    public required string Stato { get; set; }
    public required string Misura { get; set; }
    public required string SiglaProvincia { get; set; }
    public long ImportoRichiesto { get; set; }
    public long? ImportoDeliberato { get; set; }
    public long? ImportoErogato { get; set; }
    public Guid FlussoId { get; set; }
}
