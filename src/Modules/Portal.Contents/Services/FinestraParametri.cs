using System.Globalization;
using Portal.Contents.Contracts;
using Portal.Core.Text;

namespace Portal.Contents.Services;

/// <summary>
/// A Finestra's parameters: written by editors as "chiave=valore" lines (<see cref="Parse"/>), read by the service that
/// declared them, typed (<see cref="Read"/>; numbers with Core's <see cref="ItalianNumbers"/>).
/// </summary>
internal static class FinestraParametri
{
    /// <summary>The lines as a dictionary; null when empty; null and an error under "Parametri" when a line has no "=".</summary>
    public static Dictionary<string, string>? Parse(string? text, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var raw in text.Split('\n'))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var eq = line.IndexOf('=');
            if (eq <= 0) { errors["Parametri"] = $"Riga {n}: usare il formato chiave=valore."; return null; }
            result[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return result;
    }

    public static FinestraParameters Read(IReadOnlyDictionary<string, string>? written, IReadOnlyList<FinestraParameter> declared)
    {
        if (written is null || written.Count == 0) return FinestraParameters.None;
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var unreadable = new List<FinestraParameter>();
        foreach (var p in declared)
        {
            if (!written.TryGetValue(p.Name, out var text)) continue;
            if (TryRead(p.Type, text, out var value)) values[p.Name] = value;
            else unreadable.Add(p);
        }
        return new FinestraParameters(values, unreadable);
    }

    private static bool TryRead(FinestraParameterType type, string text, out object value)
    {
        value = text.Trim();
        switch (type)
        {
            case FinestraParameterType.Decimal when ItalianNumbers.TryParseEuro(text, out var d):
                value = d;
                return true;
            case FinestraParameterType.Integer when int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var i):
                value = i;
                return true;
            case FinestraParameterType.Text:
                return ((string)value).Length > 0;
            default:
                return false;
        }
    }
}
