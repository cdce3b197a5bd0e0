namespace Portal.Monitoraggio.Model;

/// <summary>The portal's current state of one practice of an ente, keyed by (ente, ID_PRATICA). Amounts in euro cents.</summary>
public sealed class Pratica
{
    public required string EnteCode { get; set; }
    public required string IdPratica { get; set; }
    public required string CfPiva { get; set; }
    public required string Denominazione { get; set; }
    public required string ComuneIstat { get; set; }
    public required string SiglaProvincia { get; set; }
    public required string Misura { get; set; }
    public DateOnly DataDomanda { get; set; }
    public long ImportoRichiesto { get; set; }
    public required string Stato { get; set; }
    public DateOnly? DataDelibera { get; set; }
    public long? ImportoDeliberato { get; set; }
    public DateOnly? DataErogazione { get; set; }
    public long? ImportoErogato { get; set; }
    public string? Note { get; set; }
    public DateOnly DataRiferimento { get; set; }
    public Guid FlussoId { get; set; }
}
