using Portal.Core.Contracts;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Workflows.Definitions;
using Portal.Workflows.Engine;

namespace Portal.Workflows.Tasks;

/// <summary>Idempotent: IReceipts issues one receipt per subject and returns it when asked again.</summary>
internal sealed class ReceiptHandler(WorkflowCatalog catalog, IProtocolRegister register, IReceipts receipts) : IOutboxHandler
{
    public string Kind => ReceiptTask.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = Payload.Read<ReceiptPayload>(message.Payload);
        var provider = catalog.Subject(payload.SubjectType)
            ?? throw new InvalidOperationException($"Nessun modulo registra il tipo di soggetto «{payload.SubjectType}».");
        var info = (await provider.DescribeAsync(payload.SubjectId, ct))?.Receipt
            ?? throw new InvalidOperationException($"Il soggetto {payload.SubjectType} {payload.SubjectId} non fornisce i dati della ricevuta.");
        var protocol = await register.FindAsync(payload.SubjectType, payload.SubjectId, ct);
        // Throwing schedules a retry; it should not happen since the receipt is enqueued with the number.
        if (payload.WaitForProtocol && protocol is null)
            throw new InvalidOperationException($"Protocollo di {payload.SubjectType} {payload.SubjectId} non ancora assegnato.");
        await receipts.IssueAsync(new ReceiptRequest(info.Title, payload.SubjectType, payload.SubjectId, info.PersonName,
            info.PersonCodiceFiscale, info.OwnerPersonId, protocol, info.Summary, info.Files), ct);
    }
}
