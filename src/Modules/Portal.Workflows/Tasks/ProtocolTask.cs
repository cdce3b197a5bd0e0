using Portal.Core.Contracts;
using Portal.Core.Protocol;
using Portal.Workflows.Engine;

namespace Portal.Workflows.Tasks;

/// <summary>"assegnaProtocollo": registers the subject in the protocol register, from an ordered outbox kind so numbers follow confirmation order.</summary>
internal sealed class ProtocolTask(IOutbox outbox) : IWorkflowTask
{
    public const string Kind = "workflows.protocollo";

    public string Name => "assegnaProtocollo";

    public string Description => "Assegna il numero di protocollo, nell'ordine di conferma";

    public Task EnqueueAsync(WorkflowTaskContext context, string? argument, CancellationToken ct) =>
        outbox.EnqueueAsync(new OutboxItem(Kind,
            Payload.Write(new ProtocolPayload(context.Instance.SubjectType, context.Instance.SubjectId, context.Subject?.Title)),
            context.IdempotencyKey, Ordered: true), ct);
}

/// <summary>Idempotent: the register returns the first entry when the same subject is registered again.</summary>
internal sealed class ProtocolHandler(IProtocolRegister register) : IOutboxHandler
{
    public string Kind => ProtocolTask.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = Payload.Read<ProtocolPayload>(message.Payload);
        await register.RegisterAsync(payload.SubjectType, payload.SubjectId, payload.Description, ct);
    }
}
