using System.Globalization;

namespace Portal.Core.Text;

public static class ItalianNumbers
{
    /// <summary>
    /// Parses an amount in euro written the Italian way ("1234,56", "1.234,56", "1234", "€ 1.234,56")
    /// or with a plain decimal point ("1234.56"). At most two decimals.
    /// </summary>
    public static bool TryParseEuro(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Trim();
        if (s.Length == 0) return false;
        var comma = s.LastIndexOf(',');
        var dot = s.LastIndexOf('.');
        string normalized;
        if (comma >= 0)
        {
            // Italian: dots group thousands, the comma separates decimals.
            var integer = s[..comma];
            if (integer.Contains(',') || !ValidGrouping(integer, '.')) return false;
            normalized = integer.Replace(".", "", StringComparison.Ordinal) + "." + s[(comma + 1)..];
        }
        else if (dot >= 0 && s.IndexOf('.') == dot && s.Length - dot - 1 != 3)
        {
            normalized = s; // a single dot not followed by three digits is a decimal point: "1234.5"
        }
        else
        {
            if (!ValidGrouping(s, '.')) return false;
            normalized = s.Replace(".", "", StringComparison.Ordinal);
        }
        if (!decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            return false;
        return decimal.Round(value, 2) == value;
    }

    private static bool ValidGrouping(string integer, char separator)
    {
        if (!integer.Contains(separator)) return integer.TrimStart('-').All(char.IsAsciiDigit) && integer.TrimStart('-').Length > 0;
        var groups = integer.TrimStart('-').Split(separator);
        return groups[0].Length is >= 1 and <= 3 && groups.All(g => g.All(char.IsAsciiDigit))
            && groups.Skip(1).All(g => g.Length == 3);
    }
}
