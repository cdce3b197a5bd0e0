namespace Portal.Graduatorie.Model;

/// <summary>One student's place in the regional Graduatoria.</summary>
public sealed class GraduatoriaPosizione
{
    public long Id { get; set; }
    public Guid GraduatoriaId { get; set; }
    public int Posizione { get; set; }
    /// <summary>Pseudonymous code shown publicly instead of the name (see <see cref="Portal.Graduatorie.Services.CodiciPseudonimi"/>).</summary>
    public required string Codice { get; set; }
    public required string ComuneIstat { get; set; }
    public required string CfStudente { get; set; }
    public required string CognomeStudente { get; set; }
    public required string NomeStudente { get; set; }
    public DateOnly? DataNascitaStudente { get; set; }
    public decimal ValoreIsee { get; set; }
    public EsitoPosizione Esito { get; set; }
    /// <summary>The valid upload and sheet row the student comes from.</summary>
    public Guid InvioId { get; set; }
    public int Riga { get; set; }
}
