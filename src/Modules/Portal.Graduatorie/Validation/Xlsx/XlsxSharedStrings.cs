using System.Globalization;
using System.Xml;

namespace Portal.Graduatorie.Validation.Xlsx;

/// <summary>
/// Reads the shared-strings table item by item, refusing more than <see cref="XlsxLimits.MaxSharedStrings"/> items,
/// an item longer than a cell may be, or more text than <see cref="XlsxLimits.MaxTextChars"/> for the workbook.
/// </summary>
internal static class XlsxSharedStrings
{
    public static List<string> Read(XmlReader xml, XlsxBudget budget)
    {
        var strings = new List<string>();
        var text = new XlsxTextBuffer();
        while (xml.Read())
        {
            // The declared count is only believed when it refuses: the list grows with what is actually read.
            if (xml.IsElement("sst") && xml.GetAttribute("uniqueCount") is { } declared
                && long.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > XlsxLimits.MaxSharedStrings)
                throw new XlsxRefusedException(XlsxRefusal.TooManyStrings());
            if (!xml.IsElement("si")) continue;
            if (strings.Count == XlsxLimits.MaxSharedStrings) throw new XlsxRefusedException(XlsxRefusal.TooManyStrings());
            var item = xml.ReadRichText(text);
            budget.AddText(item.Length);
            strings.Add(item);
        }
        return strings;
    }
}
