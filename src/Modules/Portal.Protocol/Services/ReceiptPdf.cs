using QRCoder;
using SkiaSharp;
using Portal.Core.Files;
using Portal.Core.Time;
using Portal.Documents;

using Portal.Core.Protocol;
using Portal.Core.Receipts;

namespace Portal.Protocol.Services;

/// <summary>Draws a receipt as an A4 PDF/A page; text stays extractable; the QR code is vector.</summary>
public static class ReceiptPdf
{
    private const float Width = PdfPages.Width, Height = PdfPages.Height, Margin = PdfPages.Margin;

    public static byte[] Render(ReceiptRequest request, string portalName, string regionName, string code, string verifyUrl, DateTime issuedUtc) =>
        PdfPages.Render(new PdfInfo(request.Title, regionName, portalName, issuedUtc), writer =>
        {
            writer.Letterhead(regionName, portalName);
            writer.Gap(14);
            writer.Wrapped(request.Title, PdfFonts.Bold, 17);
            writer.Gap(8);
            if (request.Protocol is { } p)
                writer.Line($"Protocollo n. {p.Segnatura} del {RomeTime.Format(p.RegisteredUtc)}", PdfFonts.Bold, 12);
            else
                writer.Line("Protocollo: in corso di assegnazione", PdfFonts.Regular, 12);
            writer.Line($"Ricevuta emessa il {RomeTime.Format(issuedUtc)}", PdfFonts.Regular, 10);
            writer.Gap(12);
            writer.Line("Richiedente", PdfFonts.Bold, 12);
            writer.Line($"{request.PersonName} – codice fiscale {request.PersonCodiceFiscale}", PdfFonts.Regular, 11);
            writer.Gap(12);
            if (request.Summary.Count > 0)
            {
                writer.Line("Dati dell'invio", PdfFonts.Bold, 12);
                foreach (var (label, value) in request.Summary)
                    writer.Wrapped($"{label}: {value}", PdfFonts.Regular, 11);
                writer.Gap(12);
            }
            if (request.Files.Count > 0)
            {
                writer.Line("File ricevuti", PdfFonts.Bold, 12);
                foreach (var f in request.Files)
                {
                    writer.Wrapped($"{f.Nome} ({FileSizes.Format(f.Dimensione)})", PdfFonts.Regular, 11);
                    writer.Line($"SHA-256 {f.Sha256}", PdfFonts.Mono, 7.5f, SKColors.DimGray);
                }
            }
            // The QR code and the verification lines go at the foot of the last page (long summaries take more pages).
            writer.EnsureRoom(Height - Margin - 140);
            var canvas = writer.Canvas;
            DrawQr(canvas, verifyUrl, Width - Margin - 110, Height - Margin - 130, 110);
            using var small = new SKFont(PdfFonts.Regular, 8.5f);
            using var gray = new SKPaint { Color = SKColors.DimGray, IsAntialias = true };
            canvas.DrawText($"Codice di verifica: {code}", Margin, Height - Margin - 30, small, gray);
            canvas.DrawText($"Verifica l'autenticità su {verifyUrl}", Margin, Height - Margin - 18, small, gray);
            canvas.DrawText("La pagina di verifica mostra numero, data e impronte dei file, senza dati personali.", Margin, Height - Margin - 6, small, gray);
        }, bottomReserve: 40, rightReserve: 120);

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
}
