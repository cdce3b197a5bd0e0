using System.Text.Json;
using Portal.Core.Contracts;

using Portal.Core.Protocol;
using Portal.Core.Receipts;

namespace Portal.Protocol.Services;

internal sealed class ProtocolQueue(IOutbox outbox) : IProtocolQueue
{
    public const string Kind = "protocollo";

    public Task EnqueueAsync(string subjectType, string subjectId, string? description, IReadOnlyList<OutboxItem>? then = null, CancellationToken ct = default) =>
        outbox.EnqueueAsync(new OutboxItem(
            Kind,
            JsonSerializer.Serialize(new ProtocolRequest(subjectType, subjectId, description, then), JsonSerializerOptions.Web),
            $"{Kind}:{subjectType}:{subjectId}",
            Ordered: true), ct);
}
