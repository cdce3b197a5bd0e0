using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Bonus.Data;

/// <summary>The rules of a Bando are stored as one JSON text column (the same on both databases).</summary>
internal static class RegoleJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(BandoRegole r) => JsonSerializer.Serialize(r, Options);

    public static BandoRegole Read(string s) => JsonSerializer.Deserialize<BandoRegole>(s, Options) ?? new BandoRegole();

    public static readonly ValueConverter<BandoRegole, string> Converter = new(r => Write(r), s => Read(s));

    public static readonly ValueComparer<BandoRegole> Comparer = new(
        (a, b) => Write(a!) == Write(b!), r => Write(r).GetHashCode(), r => Read(Write(r)));
}
