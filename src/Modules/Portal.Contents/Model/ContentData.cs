using System.Text.Json;

namespace Portal.Contents.Model;

/// <summary>Fields specific to each content type, stored as JSON in the version.</summary>
public sealed record ContentData
{
    // Avviso
    public string? Categoria { get; init; }
    /// <summary>The service the Avviso opens (e.g. "Bonus", "Graduatorie"), if any.</summary>
    public string? Servizio { get; init; }
    public string? Contatti { get; init; }

    // Finestra
    public DateTime? OpensAtUtc { get; init; }
    public DateTime? ClosesAtUtc { get; init; }
    public decimal? Budget { get; init; }
    public Dictionary<string, string>? Parametri { get; init; }

    // Graduatoria
    public Guid? FinestraId { get; init; }
    public string? DecretoNumero { get; init; }
    public DateOnly? DecretoData { get; init; }

    // AvvisoServizio
    public string? Gravita { get; init; }
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ContentData FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new ContentData() : JsonSerializer.Deserialize<ContentData>(json, Json) ?? new ContentData();
}
