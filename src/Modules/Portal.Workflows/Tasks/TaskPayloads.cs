using System.Text.Json;

namespace Portal.Workflows.Tasks;

internal sealed record ReceiptPayload(string SubjectType, string SubjectId, bool WaitForProtocol);

internal sealed record NotificationPayload(string Template, Guid? PersonId, Dictionary<string, string> Values);

internal static class Payload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Messaggio non leggibile: {json}");
}
