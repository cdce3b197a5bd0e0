namespace Portal.Accreditamenti.Model;

/// <summary>A Centro per l'Impiego; its operators act for "Cpi:{Code}".</summary>
public sealed class CentroImpiego
{
    public required string Code { get; set; }
    public required string Nome { get; set; }
    public required string SiglaProvincia { get; set; }
    public bool Active { get; set; } = true;
    public DateTime UpdatedUtc { get; set; }
}
