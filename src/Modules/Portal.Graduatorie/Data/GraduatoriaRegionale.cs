namespace Portal.Graduatorie.Data;

public enum StatoGraduatoria
{
    /// <summary>Built and rebuildable.</summary>
    Bozza,
    /// <summary>Approved with a decree: frozen.</summary>
    Approvata,
    /// <summary>Published as Graduatoria content.</summary>
    Pubblicata,
}

public enum EsitoPosizione
{
    Beneficiario,
    Idoneo,
}

/// <summary>The regional Graduatoria of a Finestra, built from the Comuni's valid lists once the window has closed.</summary>
public sealed class GraduatoriaRegionale
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FinestraId { get; set; }
    public StatoGraduatoria Stato { get; set; }
    public int NumeroBorse { get; set; }
    public DateTime BuiltUtc { get; set; }
    public required string BuiltBy { get; set; }
    /// <summary>Rows left out because the same student was already placed through another Comune's list.</summary>
    public int DuplicatiEsclusi { get; set; }
    public string? DecretoNumero { get; set; }
    public DateOnly? DecretoData { get; set; }
    public DateTime? ApprovedUtc { get; set; }
    public string? ApprovedBy { get; set; }
    /// <summary>The published Graduatoria content item.</summary>
    public Guid? ContentId { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public string? PublishedBy { get; set; }
    public int Revision { get; set; }
}

/// <summary>One student's place in the regional Graduatoria.</summary>
public sealed class GraduatoriaPosizione
{
    public long Id { get; set; }
    public Guid GraduatoriaId { get; set; }
    public int Posizione { get; set; }
    /// <summary>Pseudonymous code shown publicly instead of the name (see <see cref="Services.CodiciPseudonimi"/>).</summary>
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

/// <summary>A reminder sent to one operator of a Comune without a valid list, at most once a day per Finestra.</summary>
public sealed class Sollecito
{
    public long Id { get; set; }
    public Guid FinestraId { get; set; }
    public DateOnly Giorno { get; set; }
    public required string ComuneIstat { get; set; }
    public Guid PersonId { get; set; }
    public DateTime SentUtc { get; set; }
    public required string SentBy { get; set; }
}

/// <summary>The server secret of the pseudonymous codes (one row), created on first use.</summary>
public sealed class ChiavePseudonimi
{
    public int Id { get; set; }
    public required byte[] Chiave { get; set; }
    public DateTime CreatedUtc { get; set; }
}
