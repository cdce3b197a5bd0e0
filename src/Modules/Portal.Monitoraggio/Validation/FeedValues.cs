using System.Globalization;

namespace Portal.Monitoraggio.Validation;

/// <summary>
/// The value formats of the layout: dates dd/mm/yyyy, amounts with a decimal comma, no thousands separator and at
/// most two decimals. Stricter on purpose than ItalianNumbers (which also reads "1.234,56" and "1234.56" typed by
/// people): a feed is written by software, and "1.234" must not silently become one thousand.
/// </summary>
public static class FeedValues
{
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && text.Length == 10;

    /// <summary>Why the text is not an amount in the layout's format (null when it is), and its value in cents.</summary>
    public static string? Amount(string text, out long cents)
    {
        cents = 0;
        if (text.Length == 0) return "importo mancante";
        if (text.Contains('.'))
            return "il separatore decimale è la virgola e non si usano separatori delle migliaia (ad esempio 1234,56, non 1.234,56 né 1234.56)";
        if (text.StartsWith('-')) return "l'importo non può essere negativo";
        var comma = text.IndexOf(',');
        var integer = comma < 0 ? text : text[..comma];
        var decimals = comma < 0 ? "" : text[(comma + 1)..];
        if (integer.Length == 0 || !integer.All(char.IsAsciiDigit) || (comma >= 0 && (decimals.Length == 0 || !decimals.All(char.IsAsciiDigit))))
            return "sono ammesse solo cifre e al più una virgola decimale (ad esempio 1234,56)";
        if (decimals.Length > 2) return $"al massimo due decimali (indicati {decimals.Length})";
        if (integer.TrimStart('0').Length > 13) return "importo troppo grande";
        cents = long.Parse(integer, CultureInfo.InvariantCulture) * 100 + (decimals.Length == 0 ? 0 : int.Parse(decimals.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return null;
    }

    /// <summary>Cents as the layout writes them: "1234,56".</summary>
    public static string FormatCents(long cents) =>
        $"{cents / 100}," + (cents % 100).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Cents for people: "€ 1.234,56".</summary>
    public static string Euro(long cents) =>
        "€ " + (cents / 100m).ToString("#,##0.00", CultureInfo.GetCultureInfo("it-IT"));

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
