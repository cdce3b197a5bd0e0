namespace Portal.Bonus.Model;

/// <summary>
/// An application (Domanda) to a Bando: a Bozza filled section by section, then sent (Inviata) inside an open Finestra.
/// The fields the istruttoria and the scoring read (ISEE, children, occupational condition, device) are columns.
/// </summary>
public sealed class Domanda
{
    public const string SubjectType = "Bonus.Domanda";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid BandoId { get; set; }
    /// <summary>The version of the Bando's rules the application was created under (sending re-checks the current one).</summary>
    public int BandoVersione { get; set; }
    public Guid PersonId { get; set; }
    public StatoDomanda Stato { get; set; }
    public SezioniDomanda SezioniSalvate { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>The "domanda-bonus" workflow instance (its state is the owner of <see cref="Stato"/>).</summary>
    public Guid? WorkflowInstanceId { get; set; }
    /// <summary>Bumped by every change: the optimistic concurrency token of the row.</summary>
    public int Revision { get; set; }

    // Richiedente
    public required string CodiceFiscale { get; set; }
    public required string Nome { get; set; }
    public required string Cognome { get; set; }
    public string? ComuneResidenzaIstat { get; set; }
    public string? Email { get; set; }
    public string? Telefono { get; set; }
    public RuoloRichiedente? Ruolo { get; set; }
    /// <summary>For a foster or adoptive parent: when the child joined the household (must precede the application).</summary>
    public DateOnly? DataIngressoFiglio { get; set; }
    /// <summary>The applicant lives with the children (separated parents: the one living with the child applies).</summary>
    public bool ConviveConFigli { get; set; }

    public List<ComponenteNucleo> Componenti { get; set; } = [];
    public List<FiglioStudente> Figli { get; set; } = [];

    // ISEE
    public decimal? IseeValore { get; set; }
    public TipoIsee? IseeTipo { get; set; }
    public string? IseeProtocolloDsu { get; set; }
    public DateOnly? IseeDataRilascio { get; set; }
    public Guid? IseeFileId { get; set; }
    public string? IseeFileName { get; set; }
    public long? IseeFileLength { get; set; }
    public string? IseeFileSha256 { get; set; }
    public DateTime? IseeCaricatoUtc { get; set; }

    // Condizione occupazionale
    public CondizioneOccupazionale? Condizione { get; set; }
    /// <summary>Where the condition comes from: the DID module's words, or "Dichiarata dal richiedente".</summary>
    public string? CondizioneFonte { get; set; }

    // Dispositivo
    public string? Dispositivo { get; set; }
    public decimal? ImportoRichiesto { get; set; }

    /// <summary>Codes of the declarations ticked, comma-separated.</summary>
    public string? Dichiarazioni { get; set; }

    // Invio
    public DateTime? InviataUtc { get; set; }
    public Guid? FinestraId { get; set; }
    /// <summary>The client's Idempotency-Key of the sending (or the server's own when none was given).</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Art. 5.2: a CF of this household is in an earlier sent application of the same call.</summary>
    public bool NucleoGiaRichiedente { get; set; }
    /// <summary>For the istruttoria only (never shown to the citizen): which earlier applications share a CF.</summary>
    public string? NucleoSegnalazione { get; set; }

    // Annullamento su richiesta (art. 4)
    public DateTime? AnnullamentoRichiestoUtc { get; set; }
    public string? AnnullamentoMotivoRichiesta { get; set; }
    public DateTime? AnnullataUtc { get; set; }
    public string? AnnullataDa { get; set; }
    public string? AnnullamentoMotivo { get; set; }

    // Filled by the istruttoria and the ranking (parts 2 and 3)
    public decimal? Punteggio { get; set; }
    public string? EsitoMotivo { get; set; }

    public IReadOnlySet<string> DichiarazioniAccettate =>
        (Dichiarazioni ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public bool Salvata(SezioniDomanda s) => (SezioniSalvate & s) == s;
}
