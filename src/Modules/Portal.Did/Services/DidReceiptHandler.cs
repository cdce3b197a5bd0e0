using Portal.Core.Contracts;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Did.Workflows;
using Portal.Workflows.Engine;

namespace Portal.Did.Services;

/// <summary>Issues the DID's PDF receipt once its protocol number is assigned (enqueued as the protocol's follow-up). Idempotent: IReceipts issues once.</summary>
internal sealed class DidReceiptHandler(DidReceiptIssuer issuer) : IOutboxHandler
{
    public string Kind => DidService.ReceiptKind;

    public Task HandleAsync(OutboxMessage message, CancellationToken ct) => issuer.IssueAsync(message.Payload.Trim(), ct);
}

/// <summary>The receipt of a DID from its description (DidSubject) and its protocol entry.</summary>
public sealed class DidReceiptIssuer(IEnumerable<IWorkflowSubjectProvider> subjects, IProtocolRegister register, IReceipts receipts)
{
    public async Task IssueAsync(string id, CancellationToken ct)
    {
        var subject = subjects.OfType<DidSubject>().Single();
        var info = (await subject.DescribeAsync(id, ct))?.Receipt
            ?? throw new InvalidOperationException($"D.I.D. {id} non trovata per la ricevuta.");
        var protocol = await register.FindAsync(Dichiarazione.SubjectType, id, ct)
            ?? throw new InvalidOperationException($"Protocollo della D.I.D. {id} non ancora assegnato.");
        await receipts.IssueAsync(new ReceiptRequest(info.Title, Dichiarazione.SubjectType, id, info.PersonName, info.PersonCodiceFiscale,
            info.OwnerPersonId, protocol, info.Summary, info.Files), ct);
    }
}
