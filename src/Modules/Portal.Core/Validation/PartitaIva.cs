namespace Portal.Core.Validation;

/// <summary>
/// Italian partita IVA: 11 digits, a 7-digit serial that is not all zeros, the code of the tax office
/// (001–100, or 120, 121, 888, 999) and a Luhn check digit. "IT" in front (VIES form) and spaces are accepted.
/// </summary>
public static class PartitaIva
{
    /// <summary>The 11 digits without spaces or "IT"; null when nothing is left.</summary>
    public static string? Normalize(string? value)
    {
        var text = (value ?? "").Replace(" ", "").Replace("\u00A0", "").Trim().ToUpperInvariant();
        if (text.StartsWith("IT", StringComparison.Ordinal)) text = text[2..];
        return text.Length == 0 ? null : text;
    }

    public static bool IsValid(string? value) => Problem(value) is null;

    /// <summary>Why the value is not a partita IVA, in Italian; null when it is one.</summary>
    public static string? Problem(string? value)
    {
        var piva = Normalize(value);
        if (piva is null) return "Indicare la partita IVA.";
        if (!piva.All(char.IsAsciiDigit)) return "La partita IVA è composta solo da cifre (eventualmente precedute da IT).";
        if (piva.Length != 11) return $"La partita IVA ha 11 cifre; quella indicata ne ha {piva.Length}.";
        if (piva[..7] == "0000000") return "Le prime sette cifre della partita IVA non possono essere tutte zero.";
        var office = int.Parse(piva.AsSpan(7, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (office is not ((>= 1 and <= 100) or 120 or 121 or 888 or 999))
            return $"Le cifre 8–10 della partita IVA ({piva[7..10]}) non indicano un ufficio dell'Agenzia delle Entrate.";
        if (CheckDigit(piva.AsSpan(0, 10)) != piva[10])
            return "La cifra di controllo della partita IVA non corrisponde: verificare di averla scritta correttamente.";
        return null;
    }

    /// <summary>The Luhn check digit of the first ten digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> first10)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = first10[i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
