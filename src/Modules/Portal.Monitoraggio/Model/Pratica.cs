namespace Portal.Monitoraggio.Model;

/// <summary>
/// The portal's current state of one practice of an ente, keyed by (ente, ID_PRATICA). Amounts in euro cents.
/// Its current version (state, measure, province and amounts) holds from <see cref="DataVersione"/>; the versions it replaced are
/// in <see cref="PraticaStorico"/>. History ∪ current is the practice's whole history of states and amounts.
/// </summary>
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
    /// <summary>DATA_RIFERIMENTO of the last applied feed that described the practice.</summary>
    public DateOnly DataRiferimento { get; set; }
    /// <summary>DATA_RIFERIMENTO from which the current state, measure, province and amounts hold (a resent unchanged line keeps it).</summary>
    public DateOnly DataVersione { get; set; }
    /// <summary>The last applied feed that described the practice.</summary>
    public Guid FlussoId { get; set; }
}
