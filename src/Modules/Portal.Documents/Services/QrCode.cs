using QRCoder;
using SkiaSharp;

namespace Portal.Documents.Services;

internal static class QrCode
{
    /// <summary>The QR code of <paramref name="text"/> as filled squares (vector, sharp at any zoom).</summary>
    public static void Draw(SKCanvas canvas, string text, float x, float y, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        for (var row = 0; row < modules.Count; row++)
            for (var col = 0; col < modules.Count; col++)
                if (modules[row][col]) canvas.DrawRect(x + col * cell, y + row * cell, cell, cell, black);
    }
}
