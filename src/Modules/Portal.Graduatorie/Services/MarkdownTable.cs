using System.Text;

namespace Portal.Graduatorie.Services;

/// <summary>A Markdown (GFM) table: a header, one alignment per column, rows; a "|" inside a cell is written as "/".</summary>
public sealed class MarkdownTable(params (string Header, bool AlignRight)[] columns)
{
    private readonly List<string[]> _rows = [];

    public MarkdownTable Row(params object[] cells)
    {
        if (cells.Length != columns.Length) throw new ArgumentException($"Servono {columns.Length} celle.", nameof(cells));
        _rows.Add(cells.Select(c => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray());
        return this;
    }

    public void WriteTo(StringBuilder sb)
    {
        Line(sb, columns.Select(c => c.Header));
        Line(sb, columns.Select(c => c.AlignRight ? "---:" : "---"), pad: false);
        foreach (var row in _rows) Line(sb, row);
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        WriteTo(sb);
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, IEnumerable<string> cells, bool pad = true)
    {
        var sep = pad ? " | " : "|";
        var edge = pad ? "| " : "|";
        var end = pad ? " |" : "|";
        sb.Append(edge).Append(string.Join(sep, cells.Select(c => c.Replace("|", "/")))).Append(end).Append('\n');
    }
}
