using Portal.Core.Time;
using Portal.Monitoraggio.Validation;
using Portal.Documents;
using SkiaSharp;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// The published feed layout as an A4 landscape PDF, drawn from <see cref="FeedFormat"/> (the parser's own definition):
/// general rules, the fields table, the states, the measures table, the check rules and the example file. Text stays
/// extractable (the enti copy field names from it).
/// </summary>
public static class FormatoPdf
{
    private const float Width = 842, Height = 595, Margin = 40;
    private static readonly SKColor Blue = new(0x00, 0x66, 0xCC);
    private static readonly SKColor Grey = new(0x5C, 0x6F, 0x82);

    public static byte[] Render(IReadOnlyList<Misura> misure, string example, DateTime generatedUtc)
    {
        using var output = new MemoryStream();
        var title = $"Tracciato del flusso di monitoraggio – versione {FeedFormat.Version}";
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata
        {
            Title = title, Subject = "Formato dei file che gli enti gestori inviano al sistema di monitoraggio delle pratiche",
            Creator = "Portale dei servizi – Monitoraggio", Producer = "Portale dei servizi", Creation = generatedUtc, Modified = generatedUtc,
        }))
        {
            var flow = new Flow(document, title);
            flow.Text(title, PdfFonts.Bold, 18, Blue);
            flow.Text("Monitoraggio delle pratiche di finanziamento gestite dagli enti gestori (misure per l'emergenza COVID-19)", PdfFonts.Regular, 11, Grey);
            flow.Gap(10);
            flow.Heading("Regole generali");
            foreach (var rule in FeedFormat.GeneralRules) flow.Bullet(rule);

            flow.Heading("Campi, nell'ordine");
            flow.Table([34, 190, 190, 206, 142], ["N.", "Campo", "Contenuto", "Regola", "Esempio"],
                FeedFormat.Fields.Select(f => new[] { f.Position.ToString(), f.Name, f.Contenuto, f.Regola, f.Esempio }), monoColumns: [1, 4]);

            flow.Heading("Stati della pratica");
            flow.Table([190, 572], ["Stato", "Significato"], FeedFormat.Stati.Select(s => new[] { s.Code, s.Descrizione }), monoColumns: [0]);

            flow.Heading("Tabella delle misure (MISURA)");
            if (misure.Count == 0) flow.Text("La tabella delle misure non è ancora stata caricata.", PdfFonts.Regular, 10);
            else flow.Table([190, 572], ["Codice", "Misura"], misure.Select(m => new[] { m.Code, m.Descrizione }), monoColumns: [0]);

            flow.Heading("Regole di controllo");
            flow.Text("Ogni errore e avviso è riportato con riga, campo, valore, messaggio e il codice della regola. Con un errore il flusso è respinto; con soli avvisi l'operatore conferma o annulla.", PdfFonts.Regular, 10);
            flow.Gap(4);
            flow.Table([54, 190, 70, 448], ["Codice", "Campo", "Tipo", "Regola"],
                FeedFormat.Rules.Select(r => new[] { r.Code, r.Field ?? "file o riga", r.Avviso ? "Avviso" : "Errore", r.Descrizione }), monoColumns: [1]);

            flow.Heading("Esempio di file valido");
            foreach (var line in example.Split('\n', StringSplitOptions.RemoveEmptyEntries)) flow.Text(line, PdfFonts.Mono, 7.5f);
            flow.End();
        }
        return output.ToArray();
    }

    /// <summary>Top-down text flow over landscape pages: wrapped paragraphs, bullets, tables whose header repeats after a page break.</summary>
    private sealed class Flow(SKDocument document, string title)
    {
        private const float Bottom = Height - Margin - 14;
        private int _page = 1;
        private float _y = Margin;
        private SKCanvas _canvas = document.BeginPage(Width, Height);

        public void Gap(float points) => _y += points;

        public void Heading(string text)
        {
            Gap(10);
            Room(40);
            Text(text, PdfFonts.Bold, 13, Blue);
            Gap(2);
        }

        public void Text(string text, SKTypeface face, float size, SKColor? colour = null, float indent = 0)
        {
            using var font = new SKFont(face, size);
            using var paint = new SKPaint { Color = colour ?? SKColors.Black, IsAntialias = true };
            foreach (var line in Wrap(text, font, Width - 2 * Margin - indent))
            {
                Room(size * 1.4f);
                _y += size * 1.4f;
                _canvas.DrawText(line, Margin + indent, _y, font, paint);
            }
        }

        public void Bullet(string text)
        {
            using var font = new SKFont(PdfFonts.Regular, 10);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            Room(14);
            _canvas.DrawText("•", Margin + 4, _y + 14, font, paint);
            Text(text, PdfFonts.Regular, 10, indent: 16);
        }

        public void Table(float[] widths, string[] header, IEnumerable<string[]> rows, int[] monoColumns)
        {
            DrawRow(widths, header, bold: true, monoColumns: []);
            foreach (var row in rows)
            {
                if (!Fits(widths, row, monoColumns))
                {
                    NewPage();
                    DrawRow(widths, header, bold: true, monoColumns: []);
                }
                DrawRow(widths, row, bold: false, monoColumns);
            }
            Gap(4);
        }

        private const float CellSize = 8.5f, Pad = 3;

        private static List<string>[] Cells(float[] widths, string[] row, bool bold, int[] monoColumns)
        {
            var cells = new List<string>[row.Length];
            for (var i = 0; i < row.Length; i++)
            {
                using var font = new SKFont(bold ? PdfFonts.Bold : monoColumns.Contains(i) ? PdfFonts.Mono : PdfFonts.Regular, CellSize);
                cells[i] = Wrap(row[i], font, widths[i] - 2 * Pad);
            }
            return cells;
        }

        private bool Fits(float[] widths, string[] row, int[] mono) =>
            _y + Cells(widths, row, false, mono).Max(c => c.Count) * CellSize * 1.3f + 2 * Pad <= Bottom;

        private void DrawRow(float[] widths, string[] row, bool bold, int[] monoColumns)
        {
            var cells = Cells(widths, row, bold, monoColumns);
            var height = cells.Max(c => c.Count) * CellSize * 1.3f + 2 * Pad;
            Room(height);
            using var fill = new SKPaint { Color = new SKColor(0xE8, 0xF0, 0xFA) };
            using var rule = new SKPaint { Color = new SKColor(0xC5, 0xC7, 0xC9), StrokeWidth = 0.5f };
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            if (bold) _canvas.DrawRect(Margin, _y, widths.Sum(), height, fill);
            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                using var font = new SKFont(bold ? PdfFonts.Bold : monoColumns.Contains(i) ? PdfFonts.Mono : PdfFonts.Regular, CellSize);
                var y = _y + Pad;
                foreach (var line in cells[i])
                {
                    y += CellSize * 1.3f;
                    _canvas.DrawText(line, x + Pad, y - 2, font, ink);
                }
                x += widths[i];
            }
            _y += height;
            _canvas.DrawLine(Margin, _y, Margin + widths.Sum(), _y, rule);
        }

        private void Room(float height)
        {
            if (_y + height > Bottom) NewPage();
        }

        private void NewPage()
        {
            Footer();
            document.EndPage();
            _page++;
            _canvas = document.BeginPage(Width, Height);
            _y = Margin;
        }

        private void Footer()
        {
            using var font = new SKFont(PdfFonts.Regular, 8);
            using var paint = new SKPaint { Color = Grey, IsAntialias = true };
            _canvas.DrawText($"{title} – pagina {_page}", Margin, Height - Margin / 2, font, paint);
        }

        public void End()
        {
            Footer();
            document.EndPage();
            document.Close();
        }

        /// <summary>Lines of at most <paramref name="width"/> points, broken at spaces; a word wider than the line is broken anywhere.</summary>
        private static List<string> Wrap(string text, SKFont font, float width)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' '))
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
            if (line.Length > 0 || lines.Count == 0) lines.Add(line);
            return lines;
        }
    }
}
