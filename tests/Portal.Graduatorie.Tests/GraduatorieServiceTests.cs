using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Model;
using Portal.Graduatorie.Services;
using Portal.Graduatorie.Validation;
using Portal.Testing;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;

namespace Portal.Graduatorie.Tests;

public class GraduatorieServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private System.Security.Claims.ClaimsPrincipal AnconaOperator =>
        field ??= Operator(portal.PersonIdAsync(Demo.OperatoreAncona).GetAwaiter().GetResult(), Ancona, "042018");

    private async Task<InvioOutcome> UploadAsync(Guid finestra, UploadedFile file, string comune = Ancona)
    {
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        return await portal.ServiceAsync(s => s.UploadAsync(AnconaOperator, finestra, comune, file, default));
    }

    [Fact]
    public async Task An_accepted_upload_becomes_the_valid_list_at_once_with_its_rows_and_an_audit_entry()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();

        var outcome = await UploadAsync(finestra, Clean(3));

        Assert.Equal((Esito.Accettato, StatoInvio.Valido, 3), (outcome.Invio.Esito, outcome.Invio.Stato, outcome.Invio.RowCount));
        var valid = await portal.QueriesAsync(s => s.ValidListAsync(AnconaOperator, finestra, Ancona, default));
        Assert.Equal(outcome.Invio.Id, valid!.Value.Invio.Id);
        Assert.Equal([2, 3, 4], valid.Value.Righe.Select(r => r.Row));
        Assert.NotNull(valid.Value.Invio.StoredFileId);
        Assert.Equal(64, valid.Value.Invio.Sha256.Length);
        var audited = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit
            .AnyAsync(a => a.Action == "Graduatorie.Invio" && a.Subject == $"Invio {outcome.Invio.Id}"));
        Assert.True(audited);
    }

    [Fact]
    public async Task Two_accepted_uploads_leave_only_the_second_valid_and_a_rejected_or_cancelled_third_changes_nothing()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var first = await UploadAsync(finestra, Clean(2));
        var second = await UploadAsync(finestra, Clean(4));

        var rejected = await UploadAsync(finestra, WithError());
        Assert.Equal((Esito.Respinto, StatoInvio.Respinto), (rejected.Invio.Esito, rejected.Invio.Stato));
        Assert.Contains(rejected.Issues, i => i.Code == "R07" && i.Row == 3);

        var pending = await UploadAsync(finestra, WithWarning());
        Assert.Equal(StatoInvio.InAttesaDiConferma, pending.Invio.Stato);
        var cancelled = await portal.ServiceAsync(s => s.CancelAsync(AnconaOperator, pending.Invio.Id, default));
        Assert.Equal(StatoInvio.Annullato, cancelled.Stato);

        var invii = await portal.InviiAsync(finestra);
        Assert.Equal([StatoInvio.Sostituito, StatoInvio.Valido, StatoInvio.Respinto, StatoInvio.Annullato], invii.Select(i => i.Stato));
        Assert.Equal(second.Invio.Id, invii.Single(i => i.Stato == StatoInvio.Valido).Id);
        Assert.Equal(first.Invio.Id, invii[0].Id);
        var rejectedRows = await portal.InScopeAsync(sp => sp.GetRequiredService<GraduatorieDbContext>().Righe.CountAsync(r => r.InvioId == rejected.Invio.Id));
        Assert.Equal(0, rejectedRows);
        var history = await portal.QueriesAsync(s => s.HistoryAsync(AnconaOperator, finestra, Ancona, default));
        Assert.Equal(invii.Select(i => i.Id).Reverse(), history.Select(i => i.Id));
    }

    [Fact]
    public async Task An_upload_with_warnings_waits_then_confirming_replaces_the_valid_list_and_it_cannot_be_cancelled_afterwards()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var accepted = await UploadAsync(finestra, Clean(2));
        var pending = await UploadAsync(finestra, WithWarning());
        Assert.Equal((Esito.ConAvvisi, StatoInvio.InAttesaDiConferma), (pending.Invio.Esito, pending.Invio.Stato));
        Assert.Contains(pending.Issues, i => i.Code == "W03" && i.Severity == IssueSeverity.Warning);
        Assert.Equal(accepted.Invio.Id, (await portal.QueriesAsync(s => s.ValidListAsync(AnconaOperator, finestra, Ancona, default)))!.Value.Invio.Id);

        var confirmed = await portal.ServiceAsync(s => s.ConfirmAsync(AnconaOperator, pending.Invio.Id, default));

        Assert.Equal(StatoInvio.Valido, confirmed.Stato);
        Assert.Equal([StatoInvio.Sostituito, StatoInvio.Valido], (await portal.InviiAsync(finestra)).Select(i => i.Stato));
        var again = await Refused.ThrowsAsync(PortalErrorKind.Conflict, () => portal.ServiceAsync(s => s.CancelAsync(AnconaOperator, pending.Invio.Id, default)));
        Assert.Contains("non è in attesa di conferma", again.Message);
        await Refused.ThrowsAsync(PortalErrorKind.Conflict, () => portal.ServiceAsync(s => s.ConfirmAsync(AnconaOperator, accepted.Invio.Id, default)));
    }

    [Fact]
    public async Task Concurrent_confirmations_for_the_same_Comune_leave_exactly_one_valid_list()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var pending = new List<Guid>();
        for (var i = 0; i < 4; i++) pending.Add((await UploadAsync(finestra, WithWarning())).Invio.Id);
        portal.LoggedErrors.Drain();

        var attempts = pending.Select(id => Task.Run(async () =>
        {
            try { await portal.ServiceAsync(s => s.ConfirmAsync(AnconaOperator, id, default)); return true; }
            catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict) { return false; }
        })).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Contains(true, results);
        var invii = await portal.InviiAsync(finestra);
        Assert.Single(invii, i => i.Stato == StatoInvio.Valido);
        Assert.All(invii, i => Assert.Contains(i.Stato, new[] { StatoInvio.Valido, StatoInvio.Sostituito, StatoInvio.InAttesaDiConferma }));
        Assert.Equal(results.Count(r => r), invii.Count(i => i.Stato is StatoInvio.Valido or StatoInvio.Sostituito));
        // The confirmations that lost the race (the database's one-valid-list index) are conflicts, not errors with a stack trace.
        Assert.Equal("", portal.LoggedErrors.Drain());
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_valid_list_for_the_same_Comune_and_Finestra()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        Invio Valid(string comune) => new()
        {
            FinestraId = finestra, ComuneIstat = comune, OperatorName = "prova", FileName = "a.xlsx", Sha256 = new string('0', 64),
            Esito = Esito.Accettato, Stato = StatoInvio.Valido, CreatedUtc = DateTime.UtcNow,
        };
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GraduatorieDbContext>();
            db.Invii.AddRange(Valid(Ancona), Valid("042018"), Valid(Ancona));
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        Assert.Empty(await portal.InviiAsync(finestra));
    }

    [Fact]
    public async Task After_the_window_closes_the_upload_is_refused_with_the_closing_date_and_nothing_is_stored()
    {
        var (finestra, closesUtc) = await portal.CreateOpenFinestraAsync();
        var now = portal.Clock.GetUtcNow();
        portal.Clock.SetUtcNow(new DateTimeOffset(closesUtc));
        try
        {
            var e = await Refused.ThrowsAsync(PortalErrorKind.Conflict, () =>
                portal.ServiceAsync(s => s.UploadAsync(AnconaOperator, finestra, Ancona, Clean(), default)));
            Assert.Contains("sono chiusi", e.Message);
            Assert.Contains(Portal.Core.Time.RomeTime.Format(closesUtc), e.Message);
        }
        finally
        {
            portal.Clock.SetUtcNow(now);
        }
        Assert.Empty(await portal.InviiAsync(finestra));
    }

    [Fact]
    public async Task A_pending_upload_cannot_be_confirmed_after_the_window_closes_but_can_still_be_cancelled()
    {
        var (finestra, closesUtc) = await portal.CreateOpenFinestraAsync();
        var pending = await UploadAsync(finestra, WithWarning());
        var now = portal.Clock.GetUtcNow();
        portal.Clock.SetUtcNow(new DateTimeOffset(closesUtc));
        try
        {
            var e = await Refused.ThrowsAsync(PortalErrorKind.Conflict, () => portal.ServiceAsync(s => s.ConfirmAsync(AnconaOperator, pending.Invio.Id, default)));
            Assert.Contains("non può più essere confermato", e.Message);
            Assert.Equal(StatoInvio.InAttesaDiConferma, Assert.Single(await portal.InviiAsync(finestra)).Stato);
            Assert.Equal(StatoInvio.Annullato, (await portal.ServiceAsync(s => s.CancelAsync(AnconaOperator, pending.Invio.Id, default))).Stato);
        }
        finally
        {
            portal.Clock.SetUtcNow(now);
        }
    }

    [Fact]
    public async Task A_dry_run_validates_like_an_upload_but_stores_neither_the_upload_nor_the_file()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        // A name of its own: receipts of earlier tests may be written to the file store meanwhile.
        var name = $"verifica-{Guid.NewGuid():N}.xlsx";

        var result = await portal.ServiceAsync(s => s.DryRunAsync(AnconaOperator, finestra, Ancona, WithError() with { FileName = name }, default));

        Assert.Equal(Esito.Respinto, result.Esito);
        Assert.Contains(result.Issues, i => i.Code == "R07");
        Assert.Empty(await portal.InviiAsync(finestra));
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Files.AnyAsync(f => f.FileName == name)));
    }

    [Fact]
    public async Task A_student_already_in_another_Comunes_valid_list_is_a_W02_warning_naming_that_Comune()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        await UploadAsync(finestra, Clean(1), comune: "042018");

        var outcome = await UploadAsync(finestra, Clean(1));

        Assert.Equal(StatoInvio.InAttesaDiConferma, outcome.Invio.Stato);
        var w02 = Assert.Single(outcome.Issues, i => i.Code == "W02");
        Assert.Contains("042018", w02.Message);
    }

    [Fact]
    public async Task A_dry_run_that_reveals_another_Comunes_students_is_audited_with_that_Comune()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        await UploadAsync(finestra, Clean(1), comune: "042018");
        var before = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.MaxAsync(a => (long?)a.Id)) ?? 0;

        var result = await portal.ServiceAsync(s => s.DryRunAsync(AnconaOperator, finestra, Ancona, Clean(1), default));

        Assert.Contains(result.Issues, i => i.Code == "W02");
        var entry = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AsNoTracking()
            .SingleAsync(a => a.Id > before && a.Action == "Graduatorie.AltriComuni"));
        Assert.Equal($"Comune {Ancona}", entry.Subject);
        Assert.Contains("verifica senza invio: 1 codici fiscali", entry.Details);
        Assert.Contains("(042018)", entry.Details);
        Assert.DoesNotContain(await portal.InviiAsync(finestra), i => i.ComuneIstat == Ancona);
    }

    [Fact]
    public async Task A_dry_run_without_other_Comunes_students_writes_no_audit_entry()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var before = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.MaxAsync(a => (long?)a.Id)) ?? 0;
        await portal.ServiceAsync(s => s.DryRunAsync(AnconaOperator, finestra, Ancona, Clean(1), default));
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AnyAsync(a => a.Id > before && a.Action == "Graduatorie.AltriComuni")));
    }

    [Theory]
    [InlineData("elenco.pdf")]
    [InlineData("elenco.xls")]
    [InlineData("elenco")]
    public async Task A_workbook_under_another_name_is_refused_with_F01_and_not_stored(string name)
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var clean = Clean(1);
        var outcome = await UploadAsync(finestra, new UploadedFile(name, clean.Content));
        Assert.Equal(Esito.Respinto, outcome.Invio.Esito);
        var f01 = Assert.Single(outcome.Issues);
        Assert.Equal(("F01", InvioValidation.ExtensionMessage), (f01.Code, f01.Message));
        Assert.Null(outcome.Invio.StoredFileId);
    }

    [Fact]
    public async Task An_operator_cannot_upload_confirm_or_read_for_a_Comune_outside_their_scope()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var pesaro = Operator(await portal.PersonIdAsync(Demo.OperatorePesaro), Pesaro);
        var pending = await UploadAsync(finestra, WithWarning());

        await Refused.ThrowsAsync(PortalErrorKind.Forbidden, () => portal.ServiceAsync(s => s.UploadAsync(pesaro, finestra, Ancona, Clean(), default)));
        await Refused.ThrowsAsync(PortalErrorKind.Forbidden, () => portal.ServiceAsync(s => s.DryRunAsync(pesaro, finestra, Ancona, Clean(), default)));
        await Refused.ThrowsAsync(PortalErrorKind.Forbidden, () => portal.ServiceAsync(s => s.ConfirmAsync(pesaro, pending.Invio.Id, default)));
        await Refused.ThrowsAsync(PortalErrorKind.Forbidden, () => portal.ServiceAsync(s => s.CancelAsync(pesaro, pending.Invio.Id, default)));
        await Refused.ThrowsAsync(PortalErrorKind.Forbidden, () => portal.QueriesAsync(s => s.HistoryAsync(pesaro, finestra, Ancona, default)));
        await Refused.ThrowsAsync(PortalErrorKind.Forbidden, () => portal.QueriesAsync(s => s.GetAsync(pesaro, pending.Invio.Id, default)));
        Assert.Equal(StatoInvio.InAttesaDiConferma, Assert.Single(await portal.InviiAsync(finestra)).Stato);
    }
}
