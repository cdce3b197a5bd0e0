namespace Portal.Accreditamenti.Model;

/// <summary>An ente gestore that feeds monitoring data (seed 003); its operators act for "Ente:{Code}".</summary>
public sealed class EnteGestore
{
    public required string Code { get; set; }
    public required string Denominazione { get; set; }
    /// <summary>Codice fiscale (16 characters) or partita IVA (11 digits) of the ente.</summary>
    public required string CodiceFiscale { get; set; }
    public string? Email { get; set; }
    public bool Active { get; set; } = true;
    public DateTime UpdatedUtc { get; set; }
}
