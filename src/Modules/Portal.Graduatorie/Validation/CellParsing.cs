using Portal.Core.Text;
using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Graduatorie.Validation.Xlsx;

namespace Portal.Graduatorie.Validation;

/// <summary>
/// Reads a value however a spreadsheet program stored it: dates as date cells, serial numbers or text;
/// amounts as numbers or Italian-formatted text; codes with stray spaces or in lower case.
/// </summary>
public static partial class CellParsing
{
    private static readonly string[] DateFormats =
    [
        "d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "dd-MM-yyyy", "d.M.yyyy", "dd.MM.yyyy", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss",
        "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss",
    ];

    /// <summary>Trimmed, upper-case, inner spaces removed: "  rssmra80a01h501u " → "RSSMRA80A01H501U".</summary>
    public static string Code(XCell cell) => WhiteSpace().Replace(Text(cell), "").ToUpperInvariant();

    /// <summary>Trimmed text; a number cell gives its plain digits (a code typed as a number).</summary>
    public static string Text(XCell cell) =>
        cell.Number is { } n ? n.ToString("0.##########", CultureInfo.InvariantCulture)
        : cell.Date is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
        : (cell.Text ?? "").Replace('\u00A0', ' ').Trim();

    public static DateOnly? Date(XCell cell, Func<double, DateTime?> serialToDate)
    {
        if (cell.IsError) return null;
        if (cell.Date is { } date) return DateOnly.FromDateTime(date);
        if (cell.Number is { } serial) return serialToDate(serial) is { } d ? DateOnly.FromDateTime(d) : null;
        var text = Text(cell);
        return DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
               && parsed.Year is >= 1900 and <= 2100
            ? DateOnly.FromDateTime(parsed) : null;
    }

    /// <summary>
    /// Euro amounts: a number cell as it is; text in Italian notation ("1.234,56", "1234,56", "€ 0"),
    /// or with a decimal point when no comma is present and the dots are not thousands groups ("1234.56").
    /// </summary>
    public static decimal? Amount(XCell cell)
    {
        if (cell.IsError || cell.Date is not null) return null;
        if (cell.Number is { } n)
            return double.IsFinite(n) && Math.Abs(n) < 1e15 ? Math.Round((decimal)n, 2, MidpointRounding.AwayFromZero) : null;
        // Text is read by the portal's one Italian-number rule (Core's ItalianNumbers), as every form reads amounts.
        var text = WhiteSpace().Replace(Text(cell).Replace("EUR", "", StringComparison.OrdinalIgnoreCase), "");
        return ItalianNumbers.TryParseEuro(text, out var value) ? value : null;
    }

    /// <summary>A whole number from a number cell (3, 3.0) or text ("3", " 3 ").</summary>
    public static int? WholeNumber(XCell cell)
    {
        if (cell.IsError || cell.Date is not null) return null;
        if (cell.Number is { } n) return n == Math.Floor(n) && Math.Abs(n) < int.MaxValue ? (int)n : null;
        return int.TryParse(Text(cell), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
