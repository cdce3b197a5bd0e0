using Portal.Core.Contracts;
using Portal.Core.Protocol;
using Portal.Workflows.Engine;

namespace Portal.Workflows.Tasks;

/// <summary>
/// "assegnaProtocollo": queues the subject for Core's protocol register (an ordered outbox kind, so numbers follow
/// confirmation order). When the transition also asks for the receipt, the receipt follows the number.
/// </summary>
internal sealed class ProtocolTask(IProtocolQueue protocol) : IWorkflowTask
{
    public const string TaskName = "assegnaProtocollo";

    public string Name => TaskName;

    public string Description => "Assegna il numero di protocollo, nell'ordine di conferma";

    public Task EnqueueAsync(WorkflowTaskContext context, string? argument, CancellationToken ct)
    {
        IReadOnlyList<OutboxItem>? then = context.TransitionTasks.Contains(ReceiptTask.TaskName)
            ? [ReceiptTask.Item(context, waitForProtocol: true)]
            : null;
        return protocol.EnqueueAsync(context.Instance.SubjectType, context.Instance.SubjectId, context.Subject?.Title, then, ct);
    }
}
