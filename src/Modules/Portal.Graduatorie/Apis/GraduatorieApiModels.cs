using Portal.Graduatorie.Data;
using Portal.Graduatorie.Services;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Apis;

public sealed record SegnalazioneDto(string Codice, string Gravita, int? Riga, string? Colonna, string? Valore, string Messaggio)
{
    public static SegnalazioneDto From(ValidationIssue i) =>
        new(i.Code, i.Severity == IssueSeverity.Error ? "errore" : "avviso", i.Row, i.Column, i.Value, i.Message);

    public static SegnalazioneDto From(InvioSegnalazione s) =>
        new(s.Code, s.Severity == IssueSeverity.Error ? "errore" : "avviso", s.Row, s.Column, s.Value, s.Message);
}

public sealed record VerificaDto(string Esito, int Righe, IReadOnlyList<SegnalazioneDto> Segnalazioni);

/// <param name="Protocollo">The protocol number ("segnatura"), once assigned (seconds after acceptance).</param>
/// <param name="Ricevuta">The URL of the receipt's PDF, once issued.</param>
/// <param name="FileSegnalato">The URL of the workbook with the findings marked, when there are findings on rows.</param>
public sealed record InvioDto(Guid Id, Guid FinestraId, string Comune, string Operatore, string NomeFile, string Sha256, int Righe,
    string Esito, string Stato, DateTime CaricatoIlUtc, DateTime? DecisoIlUtc, IReadOnlyList<SegnalazioneDto>? Segnalazioni,
    string? Protocollo = null, DateTime? ProtocollatoIlUtc = null, string? CodiceRicevuta = null, string? Ricevuta = null, string? FileSegnalato = null)
{
    public static InvioDto From(Invio i, IEnumerable<SegnalazioneDto>? segnalazioni = null, InvioRicevuta? ricevuta = null)
    {
        var list = segnalazioni?.ToList();
        return new(i.Id, i.FinestraId, i.ComuneIstat, i.OperatorName, i.FileName, i.Sha256, i.RowCount, ValidationResult.Label(i.Esito),
            GraduatorieLabels.Stato(i.Stato), i.CreatedUtc, i.DecidedUtc, list,
            ricevuta?.Segnatura, ricevuta?.ProtocolUtc, ricevuta?.ReceiptCode, ricevuta is null ? null : RicevutaUrl(i.Id),
            list is { Count: > 0 } && list.All(s => s.Riga is not null) && i.StoredFileId is not null ? FileSegnalatoUrl(i.Id) : null);
    }

    public static string RicevutaUrl(Guid invioId) => $"/api/v1/graduatorie/invii/{invioId}/ricevuta";

    public static string FileSegnalatoUrl(Guid invioId) => $"/api/v1/graduatorie/invii/{invioId}/file-segnalato";
}

public sealed record RigaDto(int Riga, string CodiceFiscaleStudente, string CognomeStudente, string NomeStudente, DateOnly? DataNascitaStudente,
    string CodiceFiscaleRichiedente, string CognomeRichiedente, string NomeRichiedente, string CodiceMeccanografico, int? Classe,
    decimal? ValoreIsee, string? Note)
{
    public static RigaDto From(InvioRiga r) => new(r.Row, r.CfStudente, r.CognomeStudente, r.NomeStudente, r.DataNascitaStudente,
        r.CfRichiedente, r.CognomeRichiedente, r.NomeRichiedente, r.CodiceMeccanografico, r.Classe, r.ValoreIsee, r.Note);
}

public sealed record ElencoValidoDto(InvioDto Invio, IReadOnlyList<RigaDto> Righe);
