using QRCoder;
using SkiaSharp;
using Portal.Core.Files;
using Portal.Core.Time;

using Portal.Core.Protocol;
using Portal.Core.Receipts;

namespace Portal.Protocol.Services;

/// <summary>Draws a receipt as an A4 PDF/A page with SkiaSharp; text stays extractable; the QR code is vector.</summary>
public static class ReceiptPdf
{
    private const float Width = 595, Height = 842, Margin = 50;
    private static readonly Lazy<SKTypeface> Regular = new(() => LoadFont("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => LoadFont("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<SKTypeface> Mono = new(() => LoadFont("DejaVuSansMono.ttf"));

    /// <summary>DejaVu (Debian's fonts-dejavu-core, installed by the scripts) renders Italian accents everywhere.</summary>
    private static SKTypeface LoadFont(string file)
    {
        foreach (var dir in new[] { "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu" })
        {
            var path = Path.Combine(dir, file);
            if (File.Exists(path)) return SKTypeface.FromFile(path);
        }
        return SKTypeface.Default;
    }

    public static byte[] Render(ReceiptRequest request, string portalName, string regionName, string code, string verifyUrl, DateTime issuedUtc)
    {
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = request.Title,
            Author = regionName,
            Creator = portalName,
            Producer = portalName,
            Creation = issuedUtc,
            Modified = issuedUtc,
            PdfA = true,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            var writer = new Writer(document);
            writer.Line(regionName, Regular.Value, 10, SKColors.DimGray);
            writer.Line(portalName, Bold.Value, 14, new SKColor(0x00, 0x66, 0xCC));
            writer.Gap(14);
            writer.Wrapped(request.Title, Bold.Value, 17);
            writer.Gap(8);
            if (request.Protocol is { } p)
                writer.Line($"Protocollo n. {p.Segnatura} del {RomeTime.Format(p.RegisteredUtc)}", Bold.Value, 12);
            else
                writer.Line("Protocollo: in corso di assegnazione", Regular.Value, 12);
            writer.Line($"Ricevuta emessa il {RomeTime.Format(issuedUtc)}", Regular.Value, 10);
            writer.Gap(12);
            writer.Line("Richiedente", Bold.Value, 12);
            writer.Line($"{request.PersonName} – codice fiscale {request.PersonCodiceFiscale}", Regular.Value, 11);
            writer.Gap(12);
            if (request.Summary.Count > 0)
            {
                writer.Line("Dati dell'invio", Bold.Value, 12);
                foreach (var (label, value) in request.Summary)
                    writer.Wrapped($"{label}: {value}", Regular.Value, 11);
                writer.Gap(12);
            }
            if (request.Files.Count > 0)
            {
                writer.Line("File ricevuti", Bold.Value, 12);
                foreach (var f in request.Files)
                {
                    writer.Wrapped($"{f.Nome} ({FileSizes.Format(f.Dimensione)})", Regular.Value, 11);
                    writer.Line($"SHA-256 {f.Sha256}", Mono.Value, 7.5f, SKColors.DimGray);
                }
            }
            // The QR code and the verification lines go at the foot of the last page (long summaries take more pages).
            writer.EnsureRoom(Height - Margin - 140);
            var canvas = writer.Canvas;
            DrawQr(canvas, verifyUrl, Width - Margin - 110, Height - Margin - 130, 110);
            using var small = new SKFont(Regular.Value, 8.5f);
            using var gray = new SKPaint { Color = SKColors.DimGray, IsAntialias = true };
            canvas.DrawText($"Codice di verifica: {code}", Margin, Height - Margin - 30, small, gray);
            canvas.DrawText($"Verifica l'autenticità su {verifyUrl}", Margin, Height - Margin - 18, small, gray);
            canvas.DrawText("La pagina di verifica mostra numero, data e impronte dei file, senza dati personali.", Margin, Height - Margin - 6, small, gray);
            document.EndPage();
            document.Close();
        }
        return output.ToArray();
    }

    private static void DrawQr(SKCanvas canvas, string text, float x, float y, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        for (var row = 0; row < modules.Count; row++)
        {
            for (var col = 0; col < modules.Count; col++)
            {
                if (modules[row][col]) canvas.DrawRect(x + col * cell, y + row * cell, cell, cell, black);
            }
        }
    }

    /// <summary>Writes lines top-down, wrapping long ones at spaces to the page width, on a new page when one is full.</summary>
    private sealed class Writer(SKDocument document)
    {
        private float _y = Margin;

        public SKCanvas Canvas { get; private set; } = document.BeginPage(Width, Height);

        public void Gap(float points) => _y += points;

        /// <summary>Starts a new page unless the text so far ends above <paramref name="bottom"/>.</summary>
        public void EnsureRoom(float bottom)
        {
            if (_y <= bottom) return;
            document.EndPage();
            Canvas = document.BeginPage(Width, Height);
            _y = Margin;
        }

        public void Line(string text, SKTypeface typeface, float size, SKColor? color = null)
        {
            using var font = new SKFont(typeface, size);
            using var paint = new SKPaint { Color = color ?? SKColors.Black, IsAntialias = true };
            EnsureRoom(Height - Margin - 40 - size * 1.35f);
            _y += size * 1.35f;
            Canvas.DrawText(text, Margin, _y, font, paint);
        }

        public void Wrapped(string text, SKTypeface typeface, float size)
        {
            using var font = new SKFont(typeface, size);
            var max = Width - 2 * Margin - 120;
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) > max && line.Length > 0)
                {
                    Line(line, typeface, size);
                    line = word;
                }
                else line = candidate;
            }
            if (line.Length > 0) Line(line, typeface, size);
        }
    }
}
