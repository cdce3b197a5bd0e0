using Microsoft.EntityFrameworkCore;
using Portal.Contents.Contracts;
using Portal.Core.Comuni;
using Portal.Core.Receipts;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Validation;
using Portal.Workflows.Engine;

namespace Portal.Graduatorie.Workflow;

/// <summary>
/// The Invio as the workflow engine sees it: title, snapshot and receipt data, and — the one writer of
/// <see cref="Invio.Stato"/> and <see cref="Invio.DecidedUtc"/> — the mirror of the instance's new state inside each
/// firing, so whoever fires (the operator, the service, the 24-hour timer) the row follows the instance.
/// </summary>
internal sealed class InvioSubject(GraduatorieDbContext db, RegionComuni regionComuni, IPeople people, IFinestre finestre, TimeProvider clock)
    : IWorkflowSubjectProvider
{
    public const string ReceiptTitle = "Ricevuta di invio – Elenco Borse di studio";

    public string SubjectType => Invio.SubjectType;

    public IReadOnlyList<string> Instants => [];

    public async Task<WorkflowSubjectInfo?> DescribeAsync(string subjectId, CancellationToken ct)
    {
        if (!Guid.TryParse(subjectId, out var id)) return null;
        var invio = await db.Invii.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invio is null) return null;
        var comune = (await regionComuni.NamesAsync([invio.ComuneIstat], ct)).GetValueOrDefault(invio.ComuneIstat);
        var comuneLabel = comune is null ? invio.ComuneIstat : $"{comune} (ISTAT {invio.ComuneIstat})";
        var finestra = (await finestre.GetAsync(invio.FinestraId, ct))?.Nome ?? invio.FinestraId.ToString();
        var person = invio.OperatorId is { } operatorId ? await people.FindAsync(operatorId, ct) : null;
        var warnings = await db.Segnalazioni.CountAsync(s => s.InvioId == id && s.Severity == IssueSeverity.Warning, ct);
        var esito = ValidationResult.Label(invio.Esito);

        var snapshot = new Dictionary<string, string?>
        {
            ["comune"] = comuneLabel,
            ["file"] = invio.FileName,
            ["righe"] = invio.RowCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["esito"] = esito,
        };
        var operatorName = person?.FullName ?? invio.OperatorName;
        var receipt = new WorkflowReceiptInfo(ReceiptTitle, operatorName, person?.CodiceFiscale ?? "", invio.OperatorId,
        [
            ("Comune", comuneLabel),
            ("Finestra", finestra),
            ("Operatore", person is null ? operatorName : $"{operatorName} ({person.CodiceFiscale})"),
            ("File", invio.FileName),
            ("SHA-256 del file", invio.Sha256),
            ("Righe", invio.RowCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Avvisi", warnings.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Esito della verifica", esito),
            ("Caricato il", RomeTime.Format(invio.CreatedUtc)),
        ],
        [new ReceiptFile(invio.FileName, invio.FileLength, invio.Sha256)]);
        return new WorkflowSubjectInfo($"invio dell'elenco delle borse di studio «{invio.FileName}» del Comune di {comune ?? invio.ComuneIstat}",
            snapshot, new Dictionary<string, DateTime?>(), receipt, invio.FinestraId,
            $"/invio-elenchi/{invio.FinestraId}?comune={invio.ComuneIstat}&invio={invio.Id}");
    }

    /// <summary>
    /// Mirrors the instance's new state on Invio.Stato with a conditional update from the status of the state the
    /// transition leaves ("caricato", the starting state, is the status the upload is inserted with). A decision
    /// (valid, cancelled, replaced, rejected) stamps DecidedUtc; becoming valid, cancelled or replaced bumps the row's
    /// revision. The unique partial index (one Valido per Finestra and Comune) turns a concurrent promotion into a failed firing.
    /// </summary>
    public async Task ApplyAsync(WorkflowSubjectChange change, CancellationToken ct)
    {
        if (InvioWorkflow.StatoOf(change.ToState) is not { } target || !Guid.TryParse(change.Instance.SubjectId, out var id)) return;
        var from = InvioWorkflow.StatoOf(change.FromState) ?? StatoInvio.Caricato;
        DateTime? decided = target == StatoInvio.InAttesaDiConferma ? null : clock.GetUtcNow().UtcDateTime;
        var bump = target is StatoInvio.Valido or StatoInvio.Annullato or StatoInvio.Sostituito ? 1 : 0;
        var changed = await db.Invii.Where(i => i.Id == id && i.Stato == from)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Stato, target).SetProperty(i => i.DecidedUtc, decided)
                .SetProperty(i => i.Revision, i => i.Revision + bump), ct);
        if (changed == 0)
            throw new WorkflowRefusedException(from == StatoInvio.InAttesaDiConferma
                ? "L'invio non è più in attesa di conferma: è già stato confermato o annullato."
                : $"Lo stato dell'invio non corrisponde al passaggio «{change.Transition}»: ricaricare la pagina.");
    }
}
