using System.Globalization;

namespace Portal.Monitoraggio.Validation;

/// <summary>
/// The value formats of the layout: dates dd/mm/yyyy, amounts with a decimal comma, no thousands separator and at
/// most two decimals. Stricter on purpose than ItalianNumbers (which also reads "1.234,56" and "1234.56" typed by
/// people): a feed is written by software, and "1.234" must not silently become one thousand.
/// </summary>
public static class FeedValues
{
    public static bool TryDate(string text, out DateOnly date) => TryDate(text.AsSpan(), out date);

    /// <summary>Exactly dd/mm/yyyy (ASCII digits) and an existing date; no allocation on the way.</summary>
    public static bool TryDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[2] != '/' || text[5] != '/') return false;
        if (!Digits(text[..2], out var day) || !Digits(text.Slice(3, 2), out var month) || !Digits(text[6..], out var year)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>Why the text is not an amount in the layout's format (null when it is), and its value in cents.</summary>
    public static string? Amount(string text, out long cents) => Amount(text.AsSpan(), out cents);

    public static string? Amount(ReadOnlySpan<char> text, out long cents)
    {
        cents = 0;
        if (text.Length == 0) return "importo mancante";
        if (text.Contains('.'))
            return "il separatore decimale è la virgola e non si usano separatori delle migliaia (ad esempio 1234,56, non 1.234,56 né 1234.56)";
        if (text[0] == '-') return "l'importo non può essere negativo";
        var comma = text.IndexOf(',');
        var integer = comma < 0 ? text : text[..comma];
        var decimals = comma < 0 ? [] : text[(comma + 1)..];
        if (integer.Length == 0 || integer.ContainsAnyExceptInRange('0', '9') || (comma >= 0 && (decimals.Length == 0 || decimals.ContainsAnyExceptInRange('0', '9'))))
            return "sono ammesse solo cifre e al più una virgola decimale (ad esempio 1234,56)";
        if (decimals.Length > 2) return $"al massimo due decimali (indicati {decimals.Length})";
        if (integer.TrimStart('0').Length > 13) return "importo troppo grande";
        long value = 0;
        foreach (var c in integer) value = value * 10 + (c - '0');
        var fraction = decimals.Length switch { 0 => 0, 1 => (decimals[0] - '0') * 10, _ => (decimals[0] - '0') * 10 + (decimals[1] - '0') };
        cents = value * 100 + fraction;
        return null;
    }

    /// <summary>Cents as the layout writes them: "1234,56".</summary>
    public static string FormatCents(long cents) =>
        $"{cents / 100}," + (cents % 100).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Cents for people: "€ 1.234,56".</summary>
    public static string Euro(long cents) => Euro((decimal)cents);

    /// <summary>A sum of cents for people (a sum of amounts may exceed a long).</summary>
    public static string Euro(decimal cents) =>
        "€ " + (cents / 100m).ToString("#,##0.00", CultureInfo.GetCultureInfo("it-IT"));

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
