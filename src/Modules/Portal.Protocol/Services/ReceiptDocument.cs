using Portal.Core.Files;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Core.Time;
using Portal.Documents;

namespace Portal.Protocol.Services;

/// <summary>A receipt as a document: protocol, applicant, summary, files with their hashes, and the verification box.</summary>
public static class ReceiptDocument
{
    public static PdfDocument Build(ReceiptRequest request, string portalName, string regionName, string code, string verifyUrl, DateTime issuedUtc)
    {
        var d = new PdfDocument(new PdfInfo(request.Title, regionName, portalName, issuedUtc))
            .Letterhead(regionName, portalName)
            .Gap(14)
            .Text(request.Title, PdfFont.Bold, 17)
            .Gap(8)
            .Text(request.Protocol is { } p ? $"Protocollo n. {p.Segnatura} del {RomeTime.Format(p.RegisteredUtc)}" : "Protocollo: in corso di assegnazione",
                request.Protocol is null ? PdfFont.Regular : PdfFont.Bold, 12)
            .Text($"Ricevuta emessa il {RomeTime.Format(issuedUtc)}")
            .Gap(12)
            .Text("Richiedente", PdfFont.Bold, 12)
            .Text($"{request.PersonName} – codice fiscale {request.PersonCodiceFiscale}", size: 11)
            .Gap(12);
        if (request.Summary.Count > 0)
        {
            d.Text("Dati dell'invio", PdfFont.Bold, 12);
            foreach (var (label, value) in request.Summary) d.Text($"{label}: {value}", size: 11);
            d.Gap(12);
        }
        if (request.Files.Count > 0)
        {
            d.Text("File ricevuti", PdfFont.Bold, 12);
            foreach (var f in request.Files)
            {
                d.Text($"{f.Nome} ({FileSizes.Format(f.Dimensione)})", size: 11);
                d.Text($"SHA-256 {f.Sha256}", PdfFont.Mono, 7.5f, PdfColor.Grey);
            }
        }
        return d.Verify(verifyUrl,
            $"Codice di verifica: {code}",
            $"Verifica l'autenticità su {verifyUrl}",
            "La pagina di verifica mostra numero, data e impronte dei file, senza dati personali.");
    }
}
