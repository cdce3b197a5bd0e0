using Portal.Core.Contracts;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Workflows.Definitions;
using Portal.Workflows.Engine;

namespace Portal.Workflows.Tasks;

/// <summary>
/// "generaRicevuta": issues the PDF receipt of the subject. With "assegnaProtocollo" in the same transition the
/// protocol task carries the receipt as its follow-up (so it shows the number); otherwise it is queued here.
/// </summary>
internal sealed class ReceiptTask(IOutbox outbox) : IWorkflowTask
{
    public const string TaskName = "generaRicevuta";
    public const string Kind = "workflows.ricevuta";

    public string Name => TaskName;

    public string Description => "Genera la ricevuta PDF con il codice di verifica";

    public Task EnqueueAsync(WorkflowTaskContext context, string? argument, CancellationToken ct) =>
        context.TransitionTasks.Contains(ProtocolTask.TaskName)
            ? Task.CompletedTask
            : outbox.EnqueueAsync(Item(context, waitForProtocol: false), ct);

    public static OutboxItem Item(WorkflowTaskContext context, bool waitForProtocol) =>
        new(Kind, Payload.Write(new ReceiptPayload(context.Instance.SubjectType, context.Instance.SubjectId, waitForProtocol)), context.IdempotencyKey);
}
