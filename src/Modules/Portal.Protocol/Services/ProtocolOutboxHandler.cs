using System.Text.Json;
using Portal.Core.Contracts;
using Portal.Core.Data;

using Portal.Core.Protocol;
using Portal.Core.Receipts;

namespace Portal.Protocol.Services;

/// <summary>Registers queued submissions; the follow-up items are enqueued in the same transaction as the number.</summary>
internal sealed class ProtocolOutboxHandler(IUnitOfWork unitOfWork, IProtocolRegister register, IOutbox outbox) : IOutboxHandler
{
    public string Kind => ProtocolQueue.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var request = JsonSerializer.Deserialize<ProtocolRequest>(message.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("Richiesta di protocollazione illeggibile.");
        await using var work = await unitOfWork.BeginAsync(ct);
        // Registering the same subject again returns its first entry: a retried message takes no new number.
        await register.RegisterAsync(request.SubjectType, request.SubjectId, request.Description, ct);
        foreach (var next in request.Then ?? [])
            await outbox.EnqueueAsync(next, ct);
        await work.CompleteAsync(ct);
    }
}
