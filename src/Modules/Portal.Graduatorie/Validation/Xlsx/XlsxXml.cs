using System.Text;
using System.Xml;

namespace Portal.Graduatorie.Validation.Xlsx;

/// <summary>
/// The XmlReader every sheet and shared-strings part is read with: no DTD (so no entity expansion, no external
/// resource), no resolver, bounded size; and the streaming text helpers that never hold more than one cell.
/// </summary>
internal static class XlsxXml
{
    private const string Transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    public static XmlReader Create(Stream part) => XmlReader.Create(part, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = XlsxLimits.MaxExpandedBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    });

    /// <summary>The reader is on a SpreadsheetML element named <paramref name="localName"/>.</summary>
    public static bool IsElement(this XmlReader xml, string localName) =>
        xml.NodeType == XmlNodeType.Element && xml.LocalName == localName && xml.NamespaceURI is Transitional or Strict;

    /// <summary>
    /// Appends the text inside the current element (a "v" or "t"), read chunk by chunk so a huge value is refused before it is
    /// held whole (see <see cref="XlsxTextBuffer"/>). Leaves the reader on the element's end.
    /// </summary>
    public static void AppendText(this XmlReader xml, XlsxTextBuffer buffer)
    {
        if (xml.IsEmptyElement) return;
        var depth = xml.Depth;
        var chunk = buffer.Chunk;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)) continue;
            if (!xml.CanReadValueChunk)
            {
                buffer.Append(xml.Value);
                continue;
            }
            int read;
            while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0) buffer.Append(chunk.AsSpan(0, read));
        }
    }

    /// <summary>
    /// The text of a rich-text holder ("is" of an inline cell, "si" of the shared strings): its "t" elements, directly or
    /// inside runs, without the phonetic guides (rPh). Leaves the reader on the holder's end.
    /// </summary>
    public static string ReadRichText(this XmlReader xml, XlsxTextBuffer buffer)
    {
        buffer.Clear();
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        var phonetic = -1;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == phonetic) phonetic = -1;
            else if (phonetic >= 0) continue;
            else if (xml.IsElement("rPh") && !xml.IsEmptyElement) phonetic = xml.Depth;
            else if (xml.IsElement("t")) xml.AppendText(buffer);
        }
        return buffer.ToString();
    }
}

/// <summary>
/// The text of one cell being read, with a reusable chunk buffer; refuses more than <see cref="XlsxLimits.MaxCellChars"/>
/// characters, naming the cell when it is a sheet's.
/// </summary>
internal sealed class XlsxTextBuffer
{
    private readonly StringBuilder _text = new();

    public char[] Chunk { get; } = new char[4096];

    /// <summary>The sheet row and 0-based column of the cell being read; row 0 for a shared string.</summary>
    public (int Row, int Column) Cell { get; set; }

    public void Clear() => _text.Clear();

    public void Append(ReadOnlySpan<char> chars)
    {
        if (_text.Length + chars.Length > XlsxLimits.MaxCellChars)
            throw new XlsxRefusedException(XlsxRefusal.CellTooLong(Cell.Row > 0 ? $"{ElencoValidator.ColumnLetter(Cell.Column)}{Cell.Row}" : null));
        _text.Append(chars);
    }

    public override string ToString() => _text.ToString();
}
