using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Core.Security;
using Portal.Core.Errors;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Model;
using Portal.Graduatorie.Services;
using Portal.Graduatorie.Workflow;
using Portal.Testing;
using Portal.Workflows.Data;
using Portal.Workflows.Model;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;

namespace Portal.Graduatorie.Tests;

/// <summary>The "invio-elenco-borse" workflow behind the uploads: protocol, receipt, notifications and the 24-hour timer.</summary>
public class InvioWorkflowTests(FlowPortal portal) : IClassFixture<FlowPortal>
{
    private async Task<(ClaimsPrincipal User, Guid PersonId)> AnconaAsync()
    {
        var user = await portal.OperatorAsync(Demo.OperatoreAncona, Ancona);
        return (user, user.GetPersonId()!.Value);
    }

    private async Task<InvioOutcome> UploadAsync(ClaimsPrincipal user, Guid finestra, UploadedFile file)
    {
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        return await portal.ServiceAsync(s => s.UploadAsync(user, finestra, Ancona, file, default));
    }

    private Task<Receipt?> ReceiptAsync(Guid invioId) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<IReceipts>().FindAsync(Invio.SubjectType, invioId.ToString()));

    [Fact]
    public async Task An_accepted_upload_is_protocolled_and_its_receipt_pdf_shows_number_comune_operator_file_and_hash()
    {
        var (user, personId) = await AnconaAsync();
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var file = File(ElencoFiles.Workbook(Enumerable.Range(0, 3).Select(ElencoFiles.Row)), "elenco-ancona-2026.xlsx");

        var outcome = await UploadAsync(user, finestra, file);
        Assert.Equal(StatoInvio.Valido, outcome.Invio.Stato);
        // Accepted at once; the number and the receipt come from the outbox a moment later.
        var early = await Refused.ThrowsAsync(PortalErrorKind.NotFound, () => portal.DownloadsAsync(s => s.ReceiptPdfAsync(user, outcome.Invio.Id, default)));
        Assert.StartsWith("La ricevuta non è ancora disponibile", early.Message, StringComparison.Ordinal);

        await portal.DrainOutboxAsync();

        var receipt = await ReceiptAsync(outcome.Invio.Id);
        Assert.NotNull(receipt);
        Assert.Matches(@"^ARM-\d{4}-\d{7}$", receipt.Segnatura);
        var pdf = await portal.DownloadsAsync(s => s.ReceiptPdfAsync(user, outcome.Invio.Id, default));
        Assert.Equal("application/pdf", pdf.ContentType);
        var text = await PdfToText.ReadAsync(pdf.Content);
        Assert.Contains(InvioSubject.ReceiptTitle, text);
        Assert.Contains($"Protocollo n. {receipt.Segnatura}", text);
        Assert.Contains("Ancona (ISTAT 042002)", text);
        Assert.Contains(Demo.OperatoreAncona, text);
        Assert.Contains("elenco-ancona-2026.xlsx", text);
        Assert.Contains(outcome.Invio.Sha256, text);

        var instance = await portal.InstanceAsync(outcome.Invio.Id);
        Assert.Equal((InvioWorkflow.States.Valido, personId, "Comune:042002"), (instance.State, instance.OwnerPersonId, instance.Scope));
        var history = await portal.HistoryAsync(outcome.Invio.Id);
        Assert.Equal([null, InvioWorkflow.Transitions.Accetta], history.Select(h => h.Transition));
        Assert.Equal("elenco-ancona-2026.xlsx", history[1].Snapshot["file"]);
        var mail = Assert.Single(await portal.NotificationsAsync(personId), m => m.Subject.Contains("elenco-ancona-2026.xlsx", StringComparison.Ordinal));
        Assert.Equal(InvioNotificationTemplates.Accettato, mail.Template);
        Assert.Contains("Comune di Ancona", mail.Subject);
        var ricevute = await portal.QueriesAsync(s => s.RicevuteAsync([outcome.Invio.Id], default));
        Assert.Equal(receipt.Segnatura, ricevute[outcome.Invio.Id].Segnatura);
    }

    [Fact]
    public async Task An_upload_with_warnings_not_confirmed_within_24_hours_is_cancelled_by_the_timer_and_the_valid_list_is_kept()
    {
        var (user, personId) = await AnconaAsync();
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var valid = await UploadAsync(user, finestra, Clean(2));
        var pending = await UploadAsync(user, finestra, WithWarning());
        Assert.Equal(StatoInvio.InAttesaDiConferma, pending.Invio.Stato);
        await portal.DrainOutboxAsync();
        Assert.Equal(InvioNotificationTemplates.InAttesa, (await portal.NotificationsAsync(personId))[^1].Template);

        portal.Clock.Advance(TimeSpan.FromHours(23));
        await portal.RunTimersAsync();
        Assert.Equal(StatoInvio.InAttesaDiConferma, (await portal.InviiAsync(finestra)).Single(i => i.Id == pending.Invio.Id).Stato);

        portal.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await portal.RunTimersAsync());
        await portal.DrainOutboxAsync();

        var invii = await portal.InviiAsync(finestra);
        var cancelled = invii.Single(i => i.Id == pending.Invio.Id);
        Assert.Equal(StatoInvio.Annullato, cancelled.Stato);
        Assert.NotNull(cancelled.DecidedUtc);
        Assert.Equal(valid.Invio.Id, invii.Single(i => i.Stato == StatoInvio.Valido).Id);
        var last = (await portal.HistoryAsync(pending.Invio.Id))[^1];
        Assert.Equal((InvioWorkflow.Transitions.Scadenza, "sistema"), (last.Transition, last.ActorName));
        var expired = (await portal.NotificationsAsync(personId))[^1];
        Assert.Equal(InvioNotificationTemplates.Scaduto, expired.Template);
        Assert.Contains("non è stato confermato entro 24 ore", expired.Body);
        // Neither a protocol number nor a receipt for an upload that never became valid.
        Assert.Null(await ReceiptAsync(pending.Invio.Id));
        var late = await Refused.ThrowsAsync(PortalErrorKind.Conflict, () => portal.ServiceAsync(s => s.ConfirmAsync(user, pending.Invio.Id, default)));
        Assert.Contains("non è in attesa di conferma", late.Message);
    }

    [Fact]
    public async Task Confirming_makes_the_upload_valid_with_protocol_and_receipt_replaces_the_previous_one_and_stops_the_timer()
    {
        var (user, _) = await AnconaAsync();
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var first = await UploadAsync(user, finestra, Clean(2));
        var pending = await UploadAsync(user, finestra, WithWarning());

        var confirmed = await portal.ServiceAsync(s => s.ConfirmAsync(user, pending.Invio.Id, default));
        await portal.DrainOutboxAsync();

        Assert.Equal(StatoInvio.Valido, confirmed.Stato);
        var receipt = await ReceiptAsync(pending.Invio.Id);
        Assert.NotNull(receipt?.Segnatura);
        var text = await PdfToText.ReadAsync((await portal.DownloadsAsync(s => s.ReceiptPdfAsync(user, pending.Invio.Id, default))).Content);
        Assert.Contains("Avvisi: 1", text);
        Assert.Equal([InvioWorkflow.Transitions.Accetta, InvioWorkflow.Transitions.Sostituisci],
            (await portal.HistoryAsync(first.Invio.Id)).Skip(1).Select(h => h.Transition));
        Assert.Equal(InvioWorkflow.States.Sostituito, (await portal.InstanceAsync(first.Invio.Id)).State);
        Assert.Equal([null, InvioWorkflow.Transitions.SegnalaAvvisi, InvioWorkflow.Transitions.Conferma],
            (await portal.HistoryAsync(pending.Invio.Id)).Select(h => h.Transition));

        var instance = await portal.InstanceAsync(pending.Invio.Id);
        var timer = await portal.InScopeAsync(sp => sp.GetRequiredService<WorkflowsDbContext>().Timers.AsNoTracking().SingleAsync(t => t.InstanceId == instance.Id));
        Assert.Equal(TimerStatus.Cancelled, timer.Status);
        portal.Clock.Advance(TimeSpan.FromHours(25));
        await portal.RunTimersAsync();
        Assert.Equal([StatoInvio.Sostituito, StatoInvio.Valido], (await portal.InviiAsync(finestra)).Select(i => i.Stato));
    }

    [Fact]
    public async Task A_rejected_upload_gets_no_protocol_number_and_no_receipt()
    {
        var (user, _) = await AnconaAsync();
        var (finestra, _) = await portal.CreateOpenFinestraAsync();

        var rejected = await UploadAsync(user, finestra, WithError());
        await portal.DrainOutboxAsync();

        Assert.Equal(InvioWorkflow.States.Respinto, (await portal.InstanceAsync(rejected.Invio.Id)).State);
        var protocol = await portal.InScopeAsync(sp => sp.GetRequiredService<IProtocolRegister>().FindAsync(Invio.SubjectType, rejected.Invio.Id.ToString()));
        Assert.Null(protocol);
        Assert.Null(await ReceiptAsync(rejected.Invio.Id));
        var e = await Refused.ThrowsAsync(PortalErrorKind.NotFound, () => portal.DownloadsAsync(s => s.ReceiptPdfAsync(user, rejected.Invio.Id, default)));
        Assert.Contains("solo per gli invii accettati", e.Message);
    }

    [Fact]
    public async Task Cancelling_goes_through_the_workflow_and_an_operator_of_another_Comune_cannot_cancel()
    {
        var (user, _) = await AnconaAsync();
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var pending = await UploadAsync(user, finestra, WithWarning());
        var pesaro = await portal.OperatorAsync(Demo.OperatorePesaro, Pesaro);

        await Refused.ThrowsAsync(PortalErrorKind.Forbidden, () => portal.ServiceAsync(s => s.CancelAsync(pesaro, pending.Invio.Id, default)));
        var cancelled = await portal.ServiceAsync(s => s.CancelAsync(user, pending.Invio.Id, default));

        Assert.Equal(StatoInvio.Annullato, cancelled.Stato);
        var last = (await portal.HistoryAsync(pending.Invio.Id))[^1];
        Assert.Equal((InvioWorkflow.Transitions.Annulla, user.Identity!.Name), (last.Transition, last.ActorName));
    }

    [Fact]
    public async Task The_marked_workbook_has_error_cells_red_warning_cells_yellow_and_the_messages_in_SEGNALAZIONI()
    {
        var (user, _) = await AnconaAsync();
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var rejected = await UploadAsync(user, finestra, WithError());
        var warned = await UploadAsync(user, finestra, WithWarning());

        var marked = await portal.DownloadsAsync(s => s.ErrorWorkbookAsync(user, rejected.Invio.Id, default));
        Assert.Equal("elenco-segnalazioni.xlsx", marked.FileName);
        using (var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(marked.Content)))
        {
            var sheet = wb.Worksheet("Elenco");
            // R07 on row 3, column 10 (VALORE ISEE).
            Assert.Equal("FFF8C7CE", sheet.Cell(3, 10).Style.Fill.BackgroundColor.Color.ToArgb().ToString("X8"));
            Assert.Equal("SEGNALAZIONI", sheet.Cell(1, 12).GetString());
            Assert.StartsWith("R07", sheet.Cell(3, 12).GetString(), StringComparison.Ordinal);
            Assert.Equal("", sheet.Cell(2, 12).GetString());
        }
        var yellow = await portal.DownloadsAsync(s => s.ErrorWorkbookAsync(user, warned.Invio.Id, default));
        using (var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(yellow.Content)))
            Assert.Equal("FFFFEB9C", wb.Worksheet("Elenco").Cell(3, 10).Style.Fill.BackgroundColor.Color.ToArgb().ToString("X8"));
    }

    [Fact]
    public async Task There_is_no_marked_workbook_for_a_clean_upload_or_a_file_refused_as_a_whole()
    {
        var (user, _) = await AnconaAsync();
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var clean = await UploadAsync(user, finestra, Clean(2));
        var garbage = await UploadAsync(user, finestra, new UploadedFile("elenco.xlsx", "non è un file Excel"u8.ToArray()));
        Assert.Equal(StatoInvio.Respinto, garbage.Invio.Stato);

        var none = await Refused.ThrowsAsync(PortalErrorKind.NotFound, () => portal.DownloadsAsync(s => s.ErrorWorkbookAsync(user, clean.Invio.Id, default)));
        Assert.Contains("non ha errori né avvisi", none.Message);
        var whole = await Refused.ThrowsAsync(PortalErrorKind.NotFound, () => portal.DownloadsAsync(s => s.ErrorWorkbookAsync(user, garbage.Invio.Id, default)));
        Assert.Contains("problema dell'intero file", whole.Message);
    }

    [Fact]
    public async Task A_failing_subject_update_leaves_neither_the_upload_nor_its_workflow_half_written()
    {
        var (user, _) = await AnconaAsync();
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var pending = await UploadAsync(user, finestra, WithWarning());
        var instance = await portal.InstanceAsync(pending.Invio.Id);
        // The row moved behind the workflow's back (as a concurrent change would): the firing must be refused as a whole.
        await portal.InScopeAsync(sp => sp.GetRequiredService<GraduatorieDbContext>().Invii.Where(i => i.Id == pending.Invio.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Stato, StatoInvio.Annullato)));

        portal.Clock.Advance(TimeSpan.FromHours(25));
        await portal.RunTimersAsync();

        var after = await portal.InstanceAsync(pending.Invio.Id);
        Assert.Equal((InvioWorkflow.States.InAttesaDiConferma, instance.Revision), (after.State, after.Revision));
        Assert.Equal(2, (await portal.HistoryAsync(pending.Invio.Id)).Count);
        var timer = await portal.InScopeAsync(sp => sp.GetRequiredService<WorkflowsDbContext>().Timers.AsNoTracking().SingleAsync(t => t.InstanceId == instance.Id));
        Assert.Equal(TimerStatus.Failed, timer.Status);
        Assert.Contains("non è più in attesa di conferma", timer.Error);
    }
}
