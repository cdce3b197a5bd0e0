using System.Text;

namespace Portal.Graduatorie.Services;

/// <summary>The public text of a published Graduatoria: how to read it, then position, code, Comune and outcome (no names, no CF).</summary>
public static class GraduatoriaPublicText
{
    public static string Title(FinestraGraduatoria finestra) => $"Graduatoria regionale – {finestra.AvvisoTitle} – {finestra.Info.Nome}";

    public static string Summary(GraduatoriaDettaglio d) =>
        $"Approvata con decreto n. {d.Graduatoria.DecretoNumero} del {d.Graduatoria.DecretoData:dd/MM/yyyy}: {d.Beneficiari} beneficiari e {d.Idonei} idonei.";

    public static string Body(GraduatoriaDettaglio d)
    {
        var sb = new StringBuilder();
        sb.Append("Ogni studente è indicato con un codice personale, comunicato alla famiglia dal Comune che ha inviato l'elenco. ")
            .Append("L'ordine segue il valore ISEE crescente, poi l'età (prima lo studente più giovane), poi il codice. ")
            .Append($"Le borse disponibili sono {d.Graduatoria.NumeroBorse}.\n\n");
        var table = new MarkdownTable(("Posizione", true), ("Codice", false), ("Comune", false), ("Esito", false));
        foreach (var p in d.Posizioni) table.Row(p.Posizione, p.Codice, d.ComuneLabel(p.ComuneIstat), GraduatorieLabels.Esito(p.Esito));
        table.WriteTo(sb);
        return sb.ToString();
    }
}
