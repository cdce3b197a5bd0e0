using System.Globalization;
using Portal.Contents.Contracts;
using Portal.Core.Text;

namespace Portal.Contents.Services;

/// <summary>Reads a Finestra's "chiave=valore" parameters as the service declared them (numbers with Core's ItalianNumbers).</summary>
internal static class FinestraParametersReader
{
    public static FinestraParameters Read(IReadOnlyDictionary<string, string>? written, IReadOnlyList<FinestraParameter> declared)
    {
        if (written is null || written.Count == 0) return new FinestraParameters(new Dictionary<string, object>(), []);
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
