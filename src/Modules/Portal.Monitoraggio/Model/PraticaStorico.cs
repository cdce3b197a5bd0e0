namespace Portal.Monitoraggio.Model;

/// <summary>
/// A superseded version of a practice: its state, measure, province and amounts as they held from <see cref="DataRiferimento"/>
/// up to the day before <see cref="DataFine"/>, the DATA_RIFERIMENTO of the feed that changed them. A line that changes none of
/// these writes no row; the current version is the practice row itself (<see cref="Pratica.DataVersione"/>).
/// </summary>
public sealed class PraticaStorico
{
    public required string EnteCode { get; set; }
    public required string IdPratica { get; set; }
    public DateOnly DataRiferimento { get; set; }
    public DateOnly DataFine { get; set; }
    public required string Stato { get; set; }
    public required string Misura { get; set; }
    public required string SiglaProvincia { get; set; }
    public long ImportoRichiesto { get; set; }
    public long? ImportoDeliberato { get; set; }
    public long? ImportoErogato { get; set; }
    /// <summary>The last applied feed that described this version.</summary>
    public Guid FlussoId { get; set; }
}
