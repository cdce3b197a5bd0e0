using System.Text.Json;
using Portal.Core.Contracts;
using Portal.Core.Data;

using Portal.Core.Protocol;
using Portal.Core.Receipts;

namespace Portal.Protocol.Services;

/// <summary>Registers queued submissions; the follow-up items are enqueued in the same transaction as the number.</summary>
internal sealed class ProtocolOutboxHandler(IUnitOfWork unitOfWork, IProtocolRegister register, IOutbox outbox) : IOutboxBatchHandler
{
    public string Kind => ProtocolQueue.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var request = Read(message);
        await using var work = await unitOfWork.BeginAsync(ct);
        // Registering the same subject again returns its first entry: a retried message takes no new number.
        await register.RegisterAsync(request.SubjectType, request.SubjectId, request.Description, ct);
        foreach (var next in request.Then ?? [])
            await outbox.EnqueueAsync(next, ct);
        await work.CompleteAsync(ct);
    }

    /// <summary>
    /// A run of queued submissions in their confirmation order, numbered in one transaction with one lock of the counter
    /// (a click day's backlog is numbered at the rate of the transaction, not of one round of the outbox per number).
    /// </summary>
    public async Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var requests = messages.Select(Read).ToList();
        await using var work = await unitOfWork.BeginAsync(ct);
        var subjects = requests.Select(r => (r.SubjectType, r.SubjectId, r.Description)).ToList();
        if (register is DatabaseProtocolRegister database)
            await database.RegisterManyAsync(subjects, ct);
        else
            foreach (var (type, id, description) in subjects) await register.RegisterAsync(type, id, description, ct);
        foreach (var next in requests.SelectMany(r => r.Then ?? []))
            await outbox.EnqueueAsync(next, ct);
        await work.CompleteAsync(ct);
    }

    private static ProtocolRequest Read(OutboxMessage message) =>
        JsonSerializer.Deserialize<ProtocolRequest>(message.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("Richiesta di protocollazione illeggibile.");
}
