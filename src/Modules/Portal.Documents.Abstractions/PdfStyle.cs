namespace Portal.Documents;

public enum PdfFont
{
    Regular,
    Bold,
    Mono,
}

public enum PdfOrientation
{
    /// <summary>A4 upright (595 × 842 points).</summary>
    Portrait,

    /// <summary>A4 on its side (842 × 595 points), for wide tables.</summary>
    Landscape,
}

/// <summary>An ink colour; the named ones are the portal's.</summary>
public readonly record struct PdfColor(byte R, byte G, byte B)
{
    public static PdfColor Black { get; } = new(0, 0, 0);
    public static PdfColor Grey { get; } = new(0x69, 0x69, 0x69);
    public static PdfColor Slate { get; } = new(0x5C, 0x6F, 0x82);
    public static PdfColor Blue { get; } = new(0x00, 0x66, 0xCC);
    public static PdfColor Green { get; } = new(0x00, 0x80, 0x3C);
    public static PdfColor Red { get; } = new(0x8B, 0x00, 0x00);
}
