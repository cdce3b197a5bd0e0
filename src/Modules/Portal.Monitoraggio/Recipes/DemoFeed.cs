using System.Text;
using Portal.Core.Validation;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Recipes;

/// <summary>
/// The demo feeds' lines: a pool of practices whose applications arrive over the months and move forward in
/// state (presentata, istruttoria, delibera or rejection, payment) as the reference date advances, so that
/// successive feeds of one ente never go back in state and the charts show a trend.
/// </summary>
internal static class DemoFeed
{
    // Comuni of recipes/data/comuni-demo.csv (the demo site's register), every province of the region.
    private static readonly string[] Comuni =
        ["042002", "042018", "042021", "042045", "041044", "041067", "043023", "043013", "044007", "044066", "109006"];
    private static readonly string[] Attivita =
        ["Bar", "Ristorante", "Panificio", "Tipografia", "Officina meccanica", "Calzaturificio", "Albergo", "Studio tecnico", "Ferramenta", "Agriturismo"];
    private static readonly string[] Nomi =
        ["Centrale", "del Porto", "Belvedere", "San Marco", "Adriatica", "dei Colli", "La Rocca", "Il Conero", "Sibillini", "Val d'Aso"];

    /// <param name="anchor">The day before the first application of the pool (the same for every feed of the recipe).</param>
    /// <param name="seed">Distinguishes the enti's pools (identifiers, Comuni, amounts).</param>
    /// <param name="errori">Spoils three lines (unknown Comune, thousands separator, application after the reference date).</param>
    public static string Build(string ente, int seed, DateOnly anchor, DateOnly rif, int pool, IReadOnlyList<string> misure, bool errori)
    {
        var sb = new StringBuilder(FeedFormat.Header).Append('\n');
        var written = 0;
        for (var i = 1; i <= pool; i++)
        {
            var f = Fields(ente, seed, anchor, rif, i, misure);
            if (f is null) continue;
            written++;
            if (errori)
            {
                if (written == 2) f[5] = "099999";
                if (written == 3) f[8] = "12.500,00";
                if (written == 5) f[7] = FeedValues.Date(rif.AddDays(3));
            }
            sb.AppendJoin(FeedFormat.Separator, f).Append('\n');
        }
        return sb.ToString();
    }

    private static string[]? Fields(string ente, int seed, DateOnly anchor, DateOnly rif, int i, IReadOnlyList<string> misure)
    {
        var k = i + seed * 101;
        var domanda = anchor.AddDays(1 + k * 37 % 150);
        if (domanda > rif) return null;
        var istruttoria = domanda.AddDays(5);
        var delibera = domanda.AddDays(20 + k * 11 % 30);
        var erogazione = delibera.AddDays(10 + k * 7 % 25);
        var richiesto = 3000 + k * 1733 % 47000;
        var deliberato = richiesto * (80 + k % 21) / 100;
        var respinta = k % 9 == 4;
        var rinunciata = k % 13 == 6;

        string stato;
        string dataDelibera = "", importoDeliberato = "", dataErogazione = "", importoErogato = "";
        if (rif < istruttoria) stato = "PRESENTATA";
        else if (rinunciata && rif >= domanda.AddDays(15)) stato = "RINUNCIATA";
        else if (rif < delibera) stato = "IN_ISTRUTTORIA";
        else if (respinta) stato = "RESPINTA";
        else
        {
            dataDelibera = FeedValues.Date(delibera);
            importoDeliberato = $"{deliberato},00";
            if (rif < erogazione) stato = "DELIBERATA";
            else
            {
                stato = "EROGATA";
                dataErogazione = FeedValues.Date(erogazione);
                importoErogato = importoDeliberato;
            }
        }
        var matricola = (1_000_000 + k * 7919 % 9_000_000).ToString("D7");
        var first10 = matricola + "042";
        var piva = first10 + PartitaIva.CheckDigit(first10);
        var nome = $"{Attivita[k % Attivita.Length]} {Nomi[k / Attivita.Length % Nomi.Length]} S.r.l.";
        return
        [
            ente, FeedValues.Date(rif), $"DEMO-{seed}-{i:D4}", piva, nome, Comuni[k * 5 % Comuni.Length], misure[k % misure.Count],
            FeedValues.Date(domanda), $"{richiesto},00", stato, dataDelibera, importoDeliberato, dataErogazione, importoErogato, "",
        ];
    }
}
