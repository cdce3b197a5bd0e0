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

    /// <summary>
    /// As <see cref="IsValid(string?)"/>, on characters that need not be a string: 11 digits are checked with no
    /// allocation; anything else (spaces, "IT", lower case) goes through <see cref="Normalize"/> as a string.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> value) =>
        value.Length == 11 && !value.ContainsAnyExceptInRange('0', '9') ? DigitsProblem(value) is null : IsValid(new string(value));

    /// <summary>Why the value is not a partita IVA, in Italian; null when it is one.</summary>
    public static string? Problem(string? value)
    {
        var piva = Normalize(value);
        if (piva is null) return "Indicare la partita IVA.";
        if (piva.AsSpan().ContainsAnyExceptInRange('0', '9')) return "La partita IVA è composta solo da cifre (eventualmente precedute da IT).";
        if (piva.Length != 11) return $"La partita IVA ha 11 cifre; quella indicata ne ha {piva.Length}.";
        return DigitsProblem(piva);
    }

    /// <summary>The checks of <see cref="Problem"/> on exactly 11 ASCII digits.</summary>
    private static string? DigitsProblem(ReadOnlySpan<char> piva)
    {
        if (!piva[..7].ContainsAnyExcept('0')) return "Le prime sette cifre della partita IVA non possono essere tutte zero.";
        var office = (piva[7] - '0') * 100 + (piva[8] - '0') * 10 + (piva[9] - '0');
        if (office is not ((>= 1 and <= 100) or 120 or 121 or 888 or 999))
            return $"Le cifre 8–10 della partita IVA ({piva[7..10]}) non indicano un ufficio dell'Agenzia delle Entrate.";
        if (CheckDigit(piva[..10]) != piva[10])
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
