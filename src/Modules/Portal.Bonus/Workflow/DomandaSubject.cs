using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Bonus.Data;
using Portal.Bonus.Services;
using Portal.Contents.Contracts;
using Portal.Core.Receipts;
using Portal.Core.Time;
using Portal.Workflows.Engine;

namespace Portal.Bonus.Workflow;

/// <summary>
/// The Domanda as the workflow engine sees it (title, snapshot, receipt) and the writer of <see cref="Domanda.Stato"/>:
/// each firing mirrors the instance's new state on the row with a conditional update from the state it leaves (the sending
/// writes Inviata with its claim of the row, in the same transaction as the firing).
/// </summary>
internal sealed class DomandaSubject(BonusDbContext db, IFinestre finestre, DomandaInInvio inInvio) : IWorkflowSubjectProvider
{
    public const string ReceiptTitle = "Ricevuta di invio – Domanda di contributo";

    public string SubjectType => Domanda.SubjectType;

    public IReadOnlyList<string> Instants => [];

    public async Task<WorkflowSubjectInfo?> DescribeAsync(string subjectId, CancellationToken ct)
    {
        if (!Guid.TryParse(subjectId, out var id)) return null;
        Domanda? d;
        Bando bando;
        FinestraInfo? finestra;
        var sending = inInvio.Current is { } current && current.Domanda.Id == id;
        if (sending)
            (d, bando, finestra) = inInvio.Current!.Value;
        else
        {
            d = await db.Domande.AsNoTracking().Include(x => x.Componenti).Include(x => x.Figli).AsSingleQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (d is null) return null;
            bando = await db.Bandi.AsNoTracking().FirstAsync(b => b.Id == d.BandoId, ct);
            finestra = d.FinestraId is { } fid ? await finestre.GetAsync(fid, ct) : null;
        }
        var snapshot = new Dictionary<string, string?>
        {
            ["bando"] = bando.Codice,
            ["richiedente"] = d.CodiceFiscale,
            ["isee"] = d.IseeValore is { } v ? RomeTime.FormatEuro(v) : null,
            ["figliStudenti"] = d.Figli.Count.ToString(CultureInfo.InvariantCulture),
            ["dispositivo"] = d.Dispositivo,
            ["nucleoGiaRichiedente"] = d.NucleoGiaRichiedente ? "sì" : "no",
        };
        var dispositivo = bando.Regole.Importi.FirstOrDefault(i => i.Codice == d.Dispositivo);
        var summary = new List<(string, string)>
        {
            ("Bando", $"{bando.Codice} – {bando.Titolo}"),
            ("Finestra", finestra is null ? "–" : $"{finestra.Nome} ({RomeTime.FormatDate(finestra.OpensAtUtc)} – {RomeTime.FormatDate(finestra.ClosesAtUtc.AddSeconds(-1))})"),
            ("Inviata il", d.InviataUtc is { } s ? RomeTime.Format(s) : "–"),
            ("Residenza (ISTAT)", d.ComuneResidenzaIstat ?? "–"),
            ("Componenti del nucleo oltre al richiedente", d.Componenti.Count.ToString(CultureInfo.InvariantCulture)),
            ("Figli studenti", d.Figli.Count.ToString(CultureInfo.InvariantCulture)),
            ("ISEE", d.IseeValore is { } isee ? $"{RomeTime.FormatEuro(isee)} ({DomandaLabels.Isee(d.IseeTipo)}, DSU {d.IseeProtocolloDsu})" : "–"),
            ("Condizione occupazionale", DomandaLabels.Condizione(d.Condizione)),
            ("Dispositivo", dispositivo is null ? "–" : $"{dispositivo.Descrizione}: {RomeTime.FormatEuro(dispositivo.Importo)}"),
        };
        var files = d.IseeFileName is null ? new List<ReceiptFile>()
            : [new ReceiptFile(d.IseeFileName, d.IseeFileLength ?? 0, d.IseeFileSha256 ?? "")];
        var receipt = new WorkflowReceiptInfo($"{ReceiptTitle} {bando.Codice}", $"{d.Nome} {d.Cognome}", d.CodiceFiscale, d.PersonId, summary, files);
        // People read the call by its title (the code is the administration's identifier, kept in the summary).
        return new WorkflowSubjectInfo($"domanda di contributo «{bando.Titolo}»", snapshot, new Dictionary<string, DateTime?>(), receipt,
            d.FinestraId, $"/bonus/domande/{d.Id}")
        {
            // The sending found this window open at its instant (the windows it read, the instant it records): the
            // engine need not read the window again (two round trips on the click-day hot path).
            GuardsChecked = sending && finestra is not null ? [FinestraApertaGuard] : null,
        };
    }

    /// <summary>The guard of "invia" (Contents answers it) that the sending checks itself.</summary>
    internal const string FinestraApertaGuard = "finestraAperta";

    public async Task ApplyAsync(WorkflowSubjectChange change, CancellationToken ct)
    {
        if (DomandaWorkflow.StatoOf(change.ToState) is not { } target || !Guid.TryParse(change.Instance.SubjectId, out var id)) return;
        var from = DomandaWorkflow.StatoOf(change.FromState) ?? StatoDomanda.Bozza;
        // The sending's claim of the row already wrote Inviata (and the revision) in this transaction: no second UPDATE.
        if (inInvio.Current is { } current && current.Domanda.Id == id && from == StatoDomanda.Bozza && target == StatoDomanda.Inviata) return;
        var changed = await db.Domande.Where(d => d.Id == id && d.Stato == from)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Stato, target).SetProperty(d => d.Revision, d => d.Revision + 1), ct);
        if (changed == 0)
            throw new WorkflowRefusedException("Lo stato della domanda è cambiato nel frattempo: ricarica la pagina.");
    }
}
