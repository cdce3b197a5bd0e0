using SkiaSharp;

namespace Portal.Documents.Services;

internal static class TextWrap
{
    /// <summary>Lines of at most <paramref name="width"/> points, broken at spaces; a word wider than the line is broken anywhere.</summary>
    public static List<string> Lines(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && font.MeasureText(line) > width)
                {
                    var n = line.Length - 1;
                    while (n > 1 && font.MeasureText(line[..n]) > width) n--;
                    lines.Add(line[..n]);
                    line = line[n..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }
}
