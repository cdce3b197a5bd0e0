using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Time;
using Portal.Monitoraggio.Data;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// The Funzionario's reports, computed by the database (GROUP BY over indexed columns): nothing loads practices in
/// memory. Totals read the current state (monitoraggio_pratica); progress reads the versions (history ∪ current) by date.
/// </summary>
public sealed class MonitoraggioReports(MonitoraggioDbContext db, IEntiGestori enti, IOptions<MonitoraggioOptions> options, TimeProvider clock)
{
    /// <summary>
    /// An amount has up to 13 integer digits (10^15 cents), so a SUM over ten thousand practices may exceed a bigint: the
    /// database sums the quotients by 10^9 and the remainders apart (each far from the limit, on both providers), and the
    /// total is put together here in decimal.
    /// </summary>
    private const long Split = 1_000_000_000;

    private sealed record Sums<TKey>(TKey Key, int N, long RH, long RL, long DH, long DL, long EH, long EL)
    {
        public decimal Richiesto => RH * (decimal)Split + RL;
        public decimal Deliberato => DH * (decimal)Split + DL;
        public decimal Erogato => EH * (decimal)Split + EL;
    }

    public static readonly IReadOnlyList<string> Dimensions = ["misura", "ente", "stato", "provincia", "comune"];

    private IQueryable<Pratica> Pratiche(ReportFilter f)
    {
        var q = db.Pratiche.AsNoTracking();
        if (f.Ente is { Length: > 0 } e) q = q.Where(p => p.EnteCode == e);
        if (f.Misura is { Length: > 0 } m) q = q.Where(p => p.Misura == m);
        if (f.Provincia is { Length: > 0 } pr) q = q.Where(p => p.SiglaProvincia == pr);
        if (f.Dal is { } dal) q = q.Where(p => p.DataRiferimento >= dal);
        if (f.Al is { } al) q = q.Where(p => p.DataRiferimento <= al);
        return q;
    }

    public async Task<IReadOnlyList<ReportRow>> TotalsAsync(string dimension, ReportFilter filter, CancellationToken ct)
    {
        var q = Pratiche(filter);
        var grouped = dimension switch
        {
            "misura" => q.GroupBy(p => p.Misura),
            "ente" => q.GroupBy(p => p.EnteCode),
            "stato" => q.GroupBy(p => p.Stato),
            "provincia" => q.GroupBy(p => p.SiglaProvincia),
            "comune" => q.GroupBy(p => p.ComuneIstat),
            _ => throw Core.Errors.PortalException.Invalid("dimensione", $"Dimensione «{dimension}» non prevista: {string.Join(", ", Dimensions)}."),
        };
        var sums = await grouped.Select(g => new Sums<string>(g.Key, g.Count(),
            g.Sum(p => p.ImportoRichiesto / Split), g.Sum(p => p.ImportoRichiesto % Split),
            g.Sum(p => (p.ImportoDeliberato ?? 0) / Split), g.Sum(p => (p.ImportoDeliberato ?? 0) % Split),
            g.Sum(p => (p.ImportoErogato ?? 0) / Split), g.Sum(p => (p.ImportoErogato ?? 0) % Split))).ToListAsync(ct);
        return sums.Select(s => new ReportRow(s.Key, s.N, s.Richiesto, s.Deliberato, s.Erogato)).OrderBy(r => r.Chiave, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Progress over time: on each DATA_RIFERIMENTO of the applied feeds (of the filtered ente, in the period), the practices as
    /// they stood on that date, each in the version that held then (history ∪ current, <see cref="PraticaStorico"/>). The database
    /// sums per date the versions that begin (the practices' current ones and the history's) and the history's that end; the
    /// running sum over the dates gives each point.
    /// </summary>
    public async Task<IReadOnlyList<ProgressPoint>> ProgressAsync(ReportFilter f, CancellationToken ct)
    {
        var feeds = db.Flussi.AsNoTracking().Where(x => x.Stato == StatoFlusso.Applicato && x.DataRiferimento != null);
        if (f.Ente is { Length: > 0 } ente) feeds = feeds.Where(x => x.EnteCode == ente);
        if (f.Dal is { } dal) feeds = feeds.Where(x => x.DataRiferimento >= dal);
        if (f.Al is { } al) feeds = feeds.Where(x => x.DataRiferimento <= al);
        var dates = await feeds.Select(x => x.DataRiferimento!.Value).Distinct().OrderBy(d => d).ToListAsync(ct);
        if (dates.Count == 0) return [];
        var last = dates[^1];

        var current = db.Pratiche.AsNoTracking().Where(p => p.DataVersione <= last);
        var history = db.Storico.AsNoTracking().Where(h => h.DataRiferimento <= last);
        if (f.Ente is { Length: > 0 } e) { current = current.Where(p => p.EnteCode == e); history = history.Where(p => p.EnteCode == e); }
        if (f.Misura is { Length: > 0 } m) { current = current.Where(p => p.Misura == m); history = history.Where(p => p.Misura == m); }
        if (f.Provincia is { Length: > 0 } pr) { current = current.Where(p => p.SiglaProvincia == pr); history = history.Where(p => p.SiglaProvincia == pr); }
        static ProgressPoint Point(Sums<DateOnly> s) => new(s.Key, s.N, s.Richiesto, s.Deliberato, s.Erogato);
        var begins = (await current.GroupBy(p => p.DataVersione).Select(g => new Sums<DateOnly>(g.Key, g.Count(),
            g.Sum(p => p.ImportoRichiesto / Split), g.Sum(p => p.ImportoRichiesto % Split),
            g.Sum(p => (p.ImportoDeliberato ?? 0) / Split), g.Sum(p => (p.ImportoDeliberato ?? 0) % Split),
            g.Sum(p => (p.ImportoErogato ?? 0) / Split), g.Sum(p => (p.ImportoErogato ?? 0) % Split))).ToListAsync(ct)).Select(Point).ToList();
        begins.AddRange((await history.GroupBy(p => p.DataRiferimento).Select(g => new Sums<DateOnly>(g.Key, g.Count(),
            g.Sum(p => p.ImportoRichiesto / Split), g.Sum(p => p.ImportoRichiesto % Split),
            g.Sum(p => (p.ImportoDeliberato ?? 0) / Split), g.Sum(p => (p.ImportoDeliberato ?? 0) % Split),
            g.Sum(p => (p.ImportoErogato ?? 0) / Split), g.Sum(p => (p.ImportoErogato ?? 0) % Split))).ToListAsync(ct)).Select(Point));
        var ends = (await history.Where(h => h.DataFine <= last).GroupBy(p => p.DataFine).Select(g => new Sums<DateOnly>(g.Key, g.Count(),
            g.Sum(p => p.ImportoRichiesto / Split), g.Sum(p => p.ImportoRichiesto % Split),
            g.Sum(p => (p.ImportoDeliberato ?? 0) / Split), g.Sum(p => (p.ImportoDeliberato ?? 0) % Split),
            g.Sum(p => (p.ImportoErogato ?? 0) / Split), g.Sum(p => (p.ImportoErogato ?? 0) % Split))).ToListAsync(ct)).Select(Point).ToList();

        var deltas = begins.Select(x => (x.DataRiferimento, Sign: 1, x)).Concat(ends.Select(x => (x.DataRiferimento, Sign: -1, x)))
            .OrderBy(x => x.DataRiferimento).ToList();
        var points = new List<ProgressPoint>(dates.Count);
        long n = 0;
        decimal richiesto = 0, deliberato = 0, erogato = 0;
        var i = 0;
        foreach (var date in dates)
        {
            for (; i < deltas.Count && deltas[i].DataRiferimento <= date; i++)
            {
                var (_, sign, x) = deltas[i];
                n += sign * x.Pratiche;
                richiesto += sign * x.Richiesto;
                deliberato += sign * x.Deliberato;
                erogato += sign * x.Erogato;
            }
            if (n > 0) points.Add(new ProgressPoint(date, (int)n, richiesto, deliberato, erogato));
        }
        return points;
    }

    /// <summary>Average days from application to approval and to payment, over the practices that got there.</summary>
    public async Task<(double? Delibera, double? Erogazione)> AverageDaysAsync(ReportFilter f, CancellationToken ct)
    {
        // Date differences are not translated alike by both providers: the database counts practices per pair of
        // dates (a few thousand pairs at most) and the days are weighted here.
        var q = Pratiche(f);
        var del = await q.Where(p => p.DataDelibera != null).Select(p => new { p.DataDomanda, D = p.DataDelibera!.Value })
            .GroupBy(p => new { p.DataDomanda, p.D }).Select(g => new { g.Key.DataDomanda, g.Key.D, N = g.Count() }).ToListAsync(ct);
        var ero = await q.Where(p => p.DataErogazione != null).Select(p => new { p.DataDomanda, D = p.DataErogazione!.Value })
            .GroupBy(p => new { p.DataDomanda, p.D }).Select(g => new { g.Key.DataDomanda, g.Key.D, N = g.Count() }).ToListAsync(ct);
        static double? Weighted(IEnumerable<(int Days, int N)> xs)
        {
            var list = xs.ToList();
            var n = list.Sum(x => (long)x.N);
            return n == 0 ? null : list.Sum(x => (double)x.Days * x.N) / n;
        }
        return (Weighted(del.Select(x => (x.D.DayNumber - x.DataDomanda.DayNumber, x.N))),
            Weighted(ero.Select(x => (x.D.DayNumber - x.DataDomanda.DayNumber, x.N))));
    }

    public async Task<IReadOnlyList<EnteStato>> EntiAsync(CancellationToken ct)
    {
        var last = await db.Flussi.AsNoTracking().Where(f => f.Stato == StatoFlusso.Applicato)
            .GroupBy(f => f.EnteCode).Select(g => new { g.Key, Max = g.Max(f => f.DataRiferimento) }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(RomeTime.ToRome(clock.GetUtcNow().UtcDateTime));
        var limit = options.Value.GiorniRitardo;
        return (await enti.ListAsync(ct)).Where(e => e.Active).Select(e =>
        {
            var d = last.FirstOrDefault(l => l.Key == e.Code)?.Max;
            int? days = d is { } x ? today.DayNumber - x.DayNumber : null;
            return new EnteStato(e.Code, e.Denominazione, d, days, days is null || days > limit);
        }).ToList();
    }
}
