using Portal.Monitoraggio.Validation;
using Portal.Documents;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// The published feed layout as an A4 landscape document, drawn from <see cref="FeedFormat"/> (the parser's own definition):
/// general rules, the fields table, the states, the measures table, the check rules and the example file. Its text stays
/// extractable (the enti copy field names from it). Column widths are points of the landscape page.
/// </summary>
public static class FormatoDocument
{
    public static PdfDocument Build(IReadOnlyList<Misura> misure, string example, DateTime generatedUtc)
    {
        var title = $"Tracciato del flusso di monitoraggio – versione {FeedFormat.Version}";
        var d = new PdfDocument(new PdfInfo(title, "Portale dei servizi – Monitoraggio", "Portale dei servizi", generatedUtc)
        {
            Subject = "Formato dei file che gli enti gestori inviano al sistema di monitoraggio delle pratiche",
        }, PdfOrientation.Landscape).PageNumbers(title);
        d.Text(title, PdfFont.Bold, 18, PdfColor.Blue)
            .Text("Monitoraggio delle pratiche di finanziamento gestite dagli enti gestori (misure per l'emergenza COVID-19)", size: 11, color: PdfColor.Slate)
            .Gap(10)
            .Heading("Regole generali");
        foreach (var rule in FeedFormat.GeneralRules) d.Bullet(rule);

        d.Heading("Campi, nell'ordine").Table(
            [new("N.", 34), new("Campo", 190, Mono: true), new("Contenuto", 190), new("Regola", 206), new("Esempio", 142, Mono: true)],
            FeedFormat.Fields.Select(f => (IReadOnlyList<string>)[f.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Name, f.Contenuto, f.Regola, f.Esempio]));

        d.Heading("Stati della pratica").Table([new("Stato", 190, Mono: true), new("Significato", 572)],
            FeedFormat.Stati.Select(s => (IReadOnlyList<string>)[s.Code, s.Descrizione]));

        d.Heading("Tabella delle misure (MISURA)");
        if (misure.Count == 0) d.Text("La tabella delle misure non è ancora stata caricata.");
        else d.Table([new("Codice", 190, Mono: true), new("Misura", 572)], misure.Select(m => (IReadOnlyList<string>)[m.Code, m.Descrizione]));

        d.Heading("Regole di controllo")
            .Text("Ogni errore e avviso è riportato con riga, campo, valore, messaggio e il codice della regola. Con un errore il flusso è respinto; con soli avvisi l'operatore conferma o annulla.")
            .Gap(4)
            .Table([new("Codice", 54), new("Campo", 190, Mono: true), new("Tipo", 70), new("Regola", 448)],
                FeedFormat.Rules.Select(r => (IReadOnlyList<string>)[r.Code, r.Field ?? "file o riga", r.Avviso ? "Avviso" : "Errore", r.Descrizione]));

        d.Heading("Esempio di file valido");
        foreach (var line in example.Split('\n', StringSplitOptions.RemoveEmptyEntries)) d.Text(line, PdfFont.Mono, 7.5f);
        return d;
    }
}
