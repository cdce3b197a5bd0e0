using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Data;

/// <summary>
/// The upload's status: a mirror of its workflow instance's state, written only by InvioSubject inside each firing.
/// Stored as text (no migration for a new value). <see cref="Caricato"/> is the instance's starting state, the one an
/// upload is inserted with before its first firing (in the same unit of work, so never seen committed).
/// </summary>
public enum StatoInvio
{
    Respinto,
    InAttesaDiConferma,
    Valido,
    Sostituito,
    Annullato,
    Caricato,
}

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

/// <summary>A parsed data row of an upload that was not rejected.</summary>
public sealed class InvioRiga
{
    public long Id { get; set; }
    public Guid InvioId { get; set; }
    public int Row { get; set; }
    public required string CfStudente { get; set; }
    public required string CognomeStudente { get; set; }
    public required string NomeStudente { get; set; }
    public DateOnly? DataNascitaStudente { get; set; }
    public required string CfRichiedente { get; set; }
    public required string CognomeRichiedente { get; set; }
    public required string NomeRichiedente { get; set; }
    public required string CodiceMeccanografico { get; set; }
    public int? Classe { get; set; }
    public decimal? ValoreIsee { get; set; }
    public string? Note { get; set; }

    public static InvioRiga From(Guid invioId, ElencoRow r) => new()
    {
        InvioId = invioId, Row = r.Row, CfStudente = r.CfStudente, CognomeStudente = r.CognomeStudente, NomeStudente = r.NomeStudente,
        DataNascitaStudente = r.DataNascitaStudente, CfRichiedente = r.CfRichiedente, CognomeRichiedente = r.CognomeRichiedente,
        NomeRichiedente = r.NomeRichiedente, CodiceMeccanografico = r.CodiceMeccanografico, Classe = r.Classe, ValoreIsee = r.ValoreIsee, Note = r.Note,
    };
}

/// <summary>A validator finding kept with the upload (errors and warnings).</summary>
public sealed class InvioSegnalazione
{
    public long Id { get; set; }
    public Guid InvioId { get; set; }
    public required string Code { get; set; }
    public IssueSeverity Severity { get; set; }
    public int? Row { get; set; }
    public string? Column { get; set; }
    public string? Value { get; set; }
    public required string Message { get; set; }

    public static InvioSegnalazione From(Guid invioId, ValidationIssue i) => new()
    {
        InvioId = invioId, Code = i.Code, Severity = i.Severity, Row = i.Row, Column = i.Column,
        Value = i.Value is { Length: > 500 } v ? v[..500] : i.Value, Message = i.Message.Length > 1000 ? i.Message[..1000] : i.Message,
    };
}
