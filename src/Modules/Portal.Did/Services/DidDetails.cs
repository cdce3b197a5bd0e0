using Portal.Core.Errors;
using Portal.Core.Files;
using Portal.Did.Apis;

namespace Portal.Did.Services;

/// <summary>A DID's detail (declarations as sent, history in plain Italian) and its receipt PDF, for the person's and the CPI's views.</summary>
public sealed class DidDetails(DidService did, CpiDirectory cpi, IFileStore files)
{
    public const string PdfType = "application/pdf";

    public async Task<DidDetailDto> DetailAsync(Dichiarazione d, CancellationToken ct)
    {
        var item = (await did.ToItemsAsync([d], ct))[0];
        var history = await did.HistoryAsync(d.Id, ct);
        return new DidDetailDto(DidSummaryDto.From(item), await cpi.NameAsync(d.CpiCode, ct),
            Dichiarazioni.Read(d.DichiarazioniJson).Select(v => new VoceDto(v.Codice, v.Testo, v.Obbligatoria, v.Dichiarata)).ToList(),
            d.GiustificatoMotivo, history.Select(PassaggioDto.From).ToList(), Dichiarazioni.AvvisoInps);
    }

    public async Task<(string FileName, byte[] Content)> ReceiptAsync(Dichiarazione d, CancellationToken ct)
    {
        var receipt = await did.ReceiptAsync(d.Id, ct)
            ?? throw PortalException.NotFound("La ricevuta non è ancora disponibile: il protocollo e la ricevuta sono emessi pochi istanti dopo l'invio. Riprovare tra qualche minuto.");
        var pdf = await files.GetAsync(receipt.PdfFileId, ct)
            ?? throw PortalException.NotFound("Il PDF della ricevuta non è stato trovato nell'archivio: contattare l'assistenza.");
        return ($"ricevuta-did-{(receipt.Segnatura ?? d.Id.ToString())}.pdf", pdf.Content);
    }
}
