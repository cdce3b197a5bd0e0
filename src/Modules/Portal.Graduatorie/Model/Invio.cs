using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Model;

/// <summary>One upload of a Comune's list for a Finestra, with its outcome and its place in the Comune's history.</summary>
public sealed class Invio
{
    /// <summary>The subject type of the Invio's workflow and receipt.</summary>
    public const string SubjectType = "Graduatorie.Invio";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FinestraId { get; set; }
    public required string ComuneIstat { get; set; }
    public Guid? OperatorId { get; set; }
    public required string OperatorName { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public long FileLength { get; set; }
    /// <summary>The workbook in the core file store; null when the store refused it (e.g. not really an .xlsx: F01).</summary>
    public Guid? StoredFileId { get; set; }
    public int RowCount { get; set; }
    public Esito Esito { get; set; }
    public StatoInvio Stato { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>When it became valid, was cancelled or was replaced.</summary>
    public DateTime? DecidedUtc { get; set; }
    public int Revision { get; set; }
    public List<InvioSegnalazione> Segnalazioni { get; set; } = [];
}
