using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Services;

/// <summary>Issues the PDF receipt of an applied feed once its protocol number is assigned (enqueued with the number).</summary>
internal sealed class RicevutaHandler(MonitoraggioDbContext db, IProtocolRegister register, IReceipts receipts, IEntiGestori enti) : IOutboxHandler
{
    public string Kind => FlussoJobs.Ricevuta;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = FlussoJobs.Read(message.Payload);
        var flusso = await db.Flussi.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (flusso is null || flusso.Stato != StatoFlusso.Applicato) return;
        var entry = await register.FindAsync(Flusso.SubjectType, id.ToString(), ct)
            ?? throw new InvalidOperationException($"Protocollo del flusso {id} non ancora assegnato.");
        var ente = await enti.FindAsync(flusso.EnteCode, ct);
        var perStato = JsonSerializer.Deserialize<SortedDictionary<string, StatoTotals>>(flusso.Riepilogo ?? "{}", JsonSerializerOptions.Web) ?? [];
        var summary = new List<(string, string)>
        {
            ("Ente gestore", ente is null ? flusso.EnteCode : $"{ente.Denominazione} ({flusso.EnteCode})"),
            ("Data di riferimento dei dati", flusso.DataRiferimento is { } d ? FeedValues.Date(d) : "—"),
            ("Inviato da", $"{flusso.OperatorName} ({(flusso.Canale == "api" ? "sistema gestionale, API" : "pagina web")})"),
            ("Pratiche nel file", flusso.Righe.ToString("N0", Core.Time.RomeTime.Italian)),
        };
        foreach (var (stato, t) in perStato)
            summary.Add(($"Pratiche {stato}", $"{t.Pratiche:N0}".Replace(",", ".", StringComparison.Ordinal)));
        summary.Add(("Totale richiesto", FeedValues.Euro(perStato.Values.Sum(t => t.Richiesto))));
        summary.Add(("Totale deliberato", FeedValues.Euro(perStato.Values.Sum(t => t.Deliberato))));
        summary.Add(("Totale erogato", FeedValues.Euro(perStato.Values.Sum(t => t.Erogato))));
        await receipts.IssueAsync(new ReceiptRequest("Ricevuta del flusso di monitoraggio", Flusso.SubjectType, id.ToString(),
            flusso.OperatorName, flusso.OperatorCf ?? ente?.CodiceFiscale ?? "", flusso.OperatorId, entry, summary,
            [new ReceiptFile(flusso.FileName, flusso.Length, flusso.Sha256)]), ct);
    }
}
