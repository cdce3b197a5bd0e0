using System.Text.Json;
using Portal.Core.Contracts;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// The outbox kinds of the module. Feeds are processed through an ordered kind: one at a time, in the order they
/// arrived (or were confirmed), on whichever node takes them; a node that dies mid-way loses its lease and the
/// feed is processed again from the start (its transaction never committed).
/// </summary>
public static class FlussoJobs
{
    public const string Elabora = "monitoraggio.elabora";
    public const string Ricevuta = "monitoraggio.ricevuta";

    public sealed record Payload(Guid FlussoId);

    public static OutboxItem Process(Guid flussoId, string step) =>
        new(Elabora, JsonSerializer.Serialize(new Payload(flussoId), JsonSerializerOptions.Web), $"{Elabora}:{step}:{flussoId}", Ordered: true);

    public static OutboxItem Receipt(Guid flussoId) =>
        new(Ricevuta, JsonSerializer.Serialize(new Payload(flussoId), JsonSerializerOptions.Web), $"{Ricevuta}:{flussoId}");

    public static Guid Read(string payload) =>
        (JsonSerializer.Deserialize<Payload>(payload, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("Operazione illeggibile.")).FlussoId;
}
