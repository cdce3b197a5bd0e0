namespace Portal.Monitoraggio.Model;

/// <summary>A financing measure (the feed's MISURA), kept by the recipe step "misureMonitoraggio".</summary>
public sealed class Misura
{
    public required string Code { get; set; }
    public required string Descrizione { get; set; }
}
