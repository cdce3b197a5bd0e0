using Microsoft.EntityFrameworkCore;
using Portal.Core.Time;
using Portal.Did.Data;
using Portal.Did.Services;
using Portal.Workflows.Engine;

namespace Portal.Did.Workflows;

/// <summary>
/// The DID as the "did" workflow sees it: the instants of its two timers, the snapshot and the receipt (the declarations
/// as sent, in words), and — the one writer of <see cref="Dichiarazione.Stato"/> — the mirror of each firing.
/// </summary>
internal sealed class DidSubject(DidDbContext db, CpiDirectory cpi, TimeProvider clock) : IWorkflowSubjectProvider
{
    public const string ReceiptTitle = "Ricevuta di invio – Dichiarazione di Immediata Disponibilità (D.I.D.)";

    public string SubjectType => Dichiarazione.SubjectType;

    public IReadOnlyList<string> Instants => [DidWorkflow.InstantScadenzaAppuntamento, DidWorkflow.InstantScadenzaColloquio];

    public async Task<WorkflowSubjectInfo?> DescribeAsync(string subjectId, CancellationToken ct)
    {
        if (!Guid.TryParse(subjectId, out var id)) return null;
        var did = await db.Dichiarazioni.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (did is null) return null;
        var cpiNome = await cpi.NameAsync(did.CpiCode, ct);
        var snapshot = new Dictionary<string, string?>
        {
            ["cpi"] = cpiNome,
            ["appuntamento"] = did.AppuntamentoUtc is { } a ? $"{RomeTime.Format(a)}, {did.AppuntamentoLuogo}" : null,
            ["giustificatoMotivo"] = did.GiustificatoMotivo,
        };
        var instants = new Dictionary<string, DateTime?>
        {
            [DidWorkflow.InstantScadenzaAppuntamento] = did.ScadenzaAppuntamentoUtc,
            [DidWorkflow.InstantScadenzaColloquio] = did.ScadenzaColloquioUtc,
        };
        return new WorkflowSubjectInfo($"D.I.D. inviata il {RomeTime.Format(did.SentUtc)}", snapshot, instants,
            new WorkflowReceiptInfo(ReceiptTitle, $"{did.Nome} {did.Cognome}", did.CodiceFiscale, did.PersonId, ReceiptSummary(did, cpiNome), []),
            Path: $"/did/{did.Id}");
    }

    /// <summary>The receipt's body: who, where, when, the term for the appointment with its date, and every declaration's text as sent.</summary>
    public static IReadOnlyList<(string Label, string Value)> ReceiptSummary(Dichiarazione did, string cpiNome)
    {
        var lines = new List<(string, string)>
        {
            ("Dichiarante", $"{did.Nome} {did.Cognome} ({did.CodiceFiscale})"),
            ("Centro per l'Impiego competente", cpiNome),
            ("Inviata il", RomeTime.Format(did.SentUtc)),
            ("Termine per fissare il primo colloquio",
                $"entro il {RomeTime.Format(did.ScadenzaAppuntamentoUtc)} ({(int)Math.Round((did.ScadenzaAppuntamentoUtc - did.SentUtc).TotalDays)} giorni dall'invio): prendere appuntamento con il Centro per l'Impiego per rendere attivo lo stato di disoccupazione"),
        };
        foreach (var v in Dichiarazioni.Read(did.DichiarazioniJson))
            lines.Add((v.Obbligatoria ? "DICHIARA" : "Riservato alle persone disabili (opzionale)",
                (v.Dichiarata ? "[X] " : "[ ] non dichiarato: ") + v.Testo));
        lines.Add(("Avvertenza", Dichiarazioni.AvvisoInps));
        return lines;
    }

    public async Task ApplyAsync(WorkflowSubjectChange change, CancellationToken ct)
    {
        if (DidWorkflow.StatoOf(change.ToState) is not { } target || DidWorkflow.StatoOf(change.FromState) is not { } from
            || !Guid.TryParse(change.Instance.SubjectId, out var id)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = DidWorkflow.IsPending(target);
        var changed = await db.Dichiarazioni.Where(d => d.Id == id && d.Stato == from)
            .ExecuteUpdateAsync(u =>
            {
                u.SetProperty(d => d.Stato, target).SetProperty(d => d.UpdatedUtc, now).SetProperty(d => d.UpdatedBy, change.Actor.Name);
                if (!pending) u.SetProperty(d => d.PendingKey, (string?)null).SetProperty(d => d.ChiusaUtc, now);
                if (target == StatoDid.Confermata) u.SetProperty(d => d.ColloquioSvoltoUtc, now);
            }, ct);
        if (changed == 0)
            throw new WorkflowRefusedException("Lo stato della D.I.D. è cambiato nel frattempo: ricaricare la pagina.");
    }
}
