using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Errors;
using Portal.Core.Files;
using Portal.Core.Receipts;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Template;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Services;

/// <summary>The files of the operator page: the window's Excel template, an upload's receipt and its workbook with the findings marked.</summary>
public sealed class InvioDownloads(GraduatorieDbContext db, InvioAccess access, FinestreGraduatorie finestre, IReceipts receipts, IFileStore files, IAuditTrail audit)
{
    public const string PdfType = "application/pdf";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<byte[]> TemplateAsync(Guid finestraId, CancellationToken ct)
    {
        var finestra = await finestre.GetAsync(finestraId, ct);
        return ElencoTemplateWriter.Write(finestra.AvvisoTitle, finestra.SogliaIsee);
    }

    /// <summary>The receipt of an accepted upload (protocol number, Comune, file and SHA-256), once the outbox has issued it.</summary>
    public async Task<InvioDownload> ReceiptPdfAsync(ClaimsPrincipal user, Guid invioId, CancellationToken ct)
    {
        var invio = await ReadableAsync(user, invioId, ct);
        var receipt = await receipts.FindAsync(Invio.SubjectType, invio.Id.ToString(), ct);
        if (receipt is null)
            throw PortalException.NotFound(invio.Stato is StatoInvio.Valido or StatoInvio.Sostituito
                ? "La ricevuta non è ancora disponibile: il protocollo e la ricevuta sono emessi pochi istanti dopo l'accettazione dell'invio. Riprovare tra qualche minuto."
                : $"La ricevuta non è disponibile: è emessa solo per gli invii accettati o confermati (stato di questo invio: {GraduatorieLabels.Stato(invio.Stato)}).");
        var pdf = await files.GetAsync(receipt.PdfFileId, ct)
            ?? throw PortalException.NotFound("Il PDF della ricevuta non è stato trovato nell'archivio: contattare l'assistenza.");
        return new InvioDownload(pdf.FileName, PdfType, pdf.Content);
    }

    /// <summary>
    /// The operator's own workbook with the cells in error red, those with warnings yellow and a "SEGNALAZIONI" column.
    /// Only for stored workbooks whose findings are on rows: a file refused as a whole (F01–F04) has no cell to mark.
    /// </summary>
    public async Task<InvioDownload> ErrorWorkbookAsync(ClaimsPrincipal user, Guid invioId, CancellationToken ct)
    {
        var invio = await ReadableAsync(user, invioId, ct);
        var findings = await db.Segnalazioni.AsNoTracking().Where(s => s.InvioId == invio.Id).OrderBy(s => s.Row).ThenBy(s => s.Id).ToListAsync(ct);
        if (findings.Any(f => f.Row is null))
            throw PortalException.NotFound(
                "Il file è stato respinto per un problema dell'intero file (formato, modello o dimensioni): non ci sono celle da segnalare. Leggere il messaggio dell'esito.");
        if (findings.Count == 0)
            throw PortalException.NotFound("L'invio non ha errori né avvisi: non c'è un file con segnalazioni da scaricare.");
        var stored = invio.StoredFileId is { } fileId ? await files.GetAsync(fileId, ct) : null;
        if (stored is null)
            throw PortalException.NotFound("Il file di questo invio non è stato conservato: non è possibile restituirlo con le segnalazioni.");
        var issues = findings.Select(f => new ValidationIssue(f.Code, f.Severity, f.Row, f.Column, f.Value, f.Message)).ToList();
        using var original = new MemoryStream(stored.Content, false);
        var marked = ErrorWorkbookWriter.Write(original, issues);
        // The workbook holds the students' personal data: downloads by operators are audited.
        await audit.RecordAsync("Graduatorie.FileSegnalato", $"Invio {invio.Id}",
            $"Scaricato il file «{invio.FileName}» del Comune {invio.ComuneIstat} con {findings.Count} segnalazioni.");
        return new InvioDownload($"{Path.GetFileNameWithoutExtension(invio.FileName)}-segnalazioni.xlsx", XlsxType, marked);
    }

    private async Task<Invio> ReadableAsync(ClaimsPrincipal user, Guid invioId, CancellationToken ct)
    {
        var invio = await db.Invii.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invioId, ct)
            ?? throw PortalException.NotFound("L'invio indicato non esiste.");
        await access.RequireReadAsync(user, invio.ComuneIstat);
        return invio;
    }
}
