using Portal.Graduatorie.Model;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Tests;

/// <summary>The public text of a published Graduatoria: codes, Comuni and outcomes in a Markdown table, nothing personal.</summary>
public class GraduatoriaPublicTextTests
{
    private static GraduatoriaPosizione Place(int n, string code, string comune, EsitoPosizione esito) => new()
    {
        Posizione = n, Codice = code, ComuneIstat = comune, CfStudente = "RSSMRA11A01A271X", CognomeStudente = "Rossi", NomeStudente = "Mario",
        ValoreIsee = 1000 * n, Esito = esito,
    };

    [Fact]
    public void The_body_is_the_reading_note_then_one_table_row_per_place_without_names()
    {
        var g = new GraduatoriaRegionale { BuiltBy = "test", NumeroBorse = 1, DecretoNumero = "12/2026", DecretoData = new DateOnly(2026, 10, 1) };
        var detail = new GraduatoriaDettaglio(g,
            [Place(1, "K7QM-3XA9", "042002", EsitoPosizione.Beneficiario), Place(2, "AB12-CD34", "041044", EsitoPosizione.Idoneo)],
            new Dictionary<string, string> { ["042002"] = "Ancona", ["041044"] = "Pesaro | Urbino" });

        var body = GraduatoriaPublicText.Body(detail);

        Assert.EndsWith(
            "Le borse disponibili sono 1.\n\n" +
            "| Posizione | Codice | Comune | Esito |\n" +
            "|---:|---|---|---|\n" +
            "| 1 | K7QM-3XA9 | Ancona | Beneficiario |\n" +
            "| 2 | AB12-CD34 | Pesaro / Urbino | Idoneo |\n", body);
        Assert.DoesNotContain("Rossi", body);
        Assert.DoesNotContain("RSSMRA", body);
        Assert.Equal("Approvata con decreto n. 12/2026 del 01/10/2026: 1 beneficiari e 1 idonei.", GraduatoriaPublicText.Summary(detail));
    }
}
