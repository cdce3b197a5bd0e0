using Portal.Core.Files;

namespace Portal.Core.Tests;

public class SafeFileNameTests
{
    [Theory]
    [InlineData("..\\..\\windows\\bando.pdf", "bando.pdf")]
    [InlineData("C:\\Users\\mario\\Desktop\\bando.pdf", "bando.pdf")]
    [InlineData("../../etc/bando.pdf", "bando.pdf")]
    [InlineData("fattura\u202Efdp.exe", "fatturafdp.exe")]
    [InlineData("bando\u2066.pdf\u2069", "bando.pdf")]
    [InlineData("ban\u0000do\t.pdf", "bando.pdf")]
    [InlineData("  .nascosto.pdf ", "nascosto.pdf")]
    [InlineData("Bando 2026 – Regione.pdf", "Bando 2026 – Regione.pdf")]
    public void Keeps_only_the_visible_last_segment(string sent, string kept) => Assert.Equal(kept, SafeFileName.From(sent));

    [Fact]
    public void A_long_name_keeps_its_extension()
    {
        var kept = SafeFileName.From(new string('a', 400) + ".pdf");
        Assert.Equal(SafeFileName.MaxLength, kept.Length);
        Assert.EndsWith(".pdf", kept, StringComparison.Ordinal);
    }
}
