using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Workflows.Data;
using Portal.Workflows.Engine;
using Portal.Workflows.Model;

namespace Portal.Workflows.Tests;

public class FiringTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    private static readonly Guid Owner = Guid.NewGuid();

    private async Task<WorkflowInstanceView> SentAsync(string? scope = null)
    {
        var instance = await portal.StartAsync(TestWorkflows.Pratica(TestWorkflows.Code("invio")), Owner, scope);
        var sent = await portal.FireAsync(instance.Id, "invia", TestWorkflows.Person(Owner, PortalRoles.Cittadino));
        Assert.True(sent.Succeeded, sent.Error);
        return sent.Instance!;
    }

    private Task<int> HistoryCountAsync(Guid instanceId) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<WorkflowsDbContext>().History.CountAsync(h => h.InstanceId == instanceId));

    [Fact]
    public async Task A_transition_not_allowed_for_the_role_is_refused_and_changes_nothing()
    {
        var instance = await SentAsync(scope: "Comune:042002");

        // Another citizen (not the owner), an operator without the permission, an editor outside the instance's scope.
        var stranger = await portal.FireAsync(instance.Id, "approva", TestWorkflows.Person(Guid.NewGuid(), PortalRoles.Cittadino));
        var operatore = await portal.FireAsync(instance.Id, "approva", TestWorkflows.Person(Guid.NewGuid(), "OperatoreComune", "Comune:042002"));
        var outOfScope = await portal.FireAsync(instance.Id, "approva", TestWorkflows.Person(Guid.NewGuid(), "Editor", "Comune:041044"));
        // Only the engine fires "sistema" transitions.
        var notSystem = await portal.FireAsync(instance.Id, "scade", TestWorkflows.Person(Owner, PortalRoles.Cittadino));
        foreach (var refused in new[] { stranger, operatore, outOfScope, notSystem })
        {
            Assert.Equal(WorkflowFailure.NotAllowed, refused.Failure);
            Assert.StartsWith("Non sei autorizzato a eseguire", refused.Error, StringComparison.Ordinal);
        }
        Assert.Equal(2, await HistoryCountAsync(instance.Id));

        var editor = await portal.FireAsync(instance.Id, "approva", TestWorkflows.Person(Guid.NewGuid(), "Editor", "Comune:042002"));
        Assert.True(editor.Succeeded, editor.Error);
        Assert.Equal("approvata", editor.Instance!.State);
    }

    [Fact]
    public async Task A_transition_from_another_state_is_refused_with_the_state_named()
    {
        var instance = await portal.StartAsync(TestWorkflows.Pratica(TestWorkflows.Code("stato")), Owner);
        var result = await portal.FireAsync(instance.Id, "approva", TestWorkflows.Person(Guid.NewGuid(), PortalRoles.Amministratore));
        Assert.Equal(WorkflowFailure.InvalidState, result.Failure);
        Assert.Equal("«Approva» non è possibile quando la pratica è nello stato «Bozza».", result.Error);
    }

    [Fact]
    public async Task A_guard_that_fails_blocks_the_transition_with_its_message()
    {
        var instance = await portal.StartAsync(TestWorkflows.Pratica(TestWorkflows.Code("guardia")), Owner, documenti: "incompleti");
        var owner = TestWorkflows.Person(Owner, PortalRoles.Cittadino);

        var blocked = await portal.FireAsync(instance.Id, "invia", owner);
        Assert.Equal(WorkflowFailure.GuardFailed, blocked.Failure);
        Assert.Equal(DocumentsCompleteGuard.Message, blocked.Error);
        Assert.Equal("bozza", (await portal.InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().GetAsync(instance.Id)))!.State);
        Assert.Equal(1, await HistoryCountAsync(instance.Id));

        portal.Services.GetRequiredService<TestSubjects>().Set(instance.SubjectId, "completi");
        var sent = await portal.FireAsync(instance.Id, "invia", owner);
        Assert.True(sent.Succeeded, sent.Error);
        Assert.Equal("inviata", sent.Instance!.State);
    }

    [Fact]
    public async Task Two_concurrent_firings_on_one_instance_exactly_one_succeeds_the_other_gets_a_clear_message()
    {
        for (var round = 0; round < 5; round++)
        {
            var instance = await SentAsync();
            var officer = TestWorkflows.Person(Guid.NewGuid(), PortalRoles.Amministratore);
            var results = await Task.WhenAll(
                Task.Run(() => portal.FireAsync(instance.Id, "approva", officer, "Approvata", instance.Revision)),
                Task.Run(() => portal.FireAsync(instance.Id, "respingi", officer, "Respinta", instance.Revision)));

            Assert.Single(results, r => r.Succeeded);
            var loser = Assert.Single(results, r => !r.Succeeded);
            Assert.Equal(WorkflowFailure.Conflict, loser.Failure);
            Assert.Equal(WorkflowEngine.ConflictMessage, loser.Error);
            var history = await portal.InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().HistoryAsync(instance.Id));
            Assert.Equal(3, history.Count);
            var winner = results.Single(r => r.Succeeded).Instance!;
            Assert.Equal(winner.State, history[^1].ToState);
            Assert.Equal(instance.Revision + 1, winner.Revision);
        }
    }

    [Fact]
    public async Task A_firing_with_a_stale_revision_is_refused_as_a_conflict()
    {
        var instance = await SentAsync();
        var officer = TestWorkflows.Person(Guid.NewGuid(), PortalRoles.Amministratore);
        var stale = await portal.FireAsync(instance.Id, "approva", officer, null, instance.Revision - 1);
        Assert.Equal(WorkflowFailure.Conflict, stale.Failure);
        Assert.Equal(2, await HistoryCountAsync(instance.Id));
    }

    [Fact]
    public async Task History_records_who_when_from_to_comment_and_the_subject_snapshot()
    {
        var instance = await portal.StartAsync(TestWorkflows.Pratica(TestWorkflows.Code("storia")), Owner);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        await portal.FireAsync(instance.Id, "invia", TestWorkflows.Person(Owner, PortalRoles.Cittadino), "  Invio con tutti i documenti  ");
        portal.Services.GetRequiredService<TestSubjects>().Set(instance.SubjectId, "verificati");
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        var officer = TestWorkflows.Person(Guid.NewGuid(), PortalRoles.Amministratore);
        await portal.FireAsync(instance.Id, "approva", officer, "Tutto regolare");

        var history = await portal.InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().HistoryAsync(instance.Id));
        Assert.Equal(3, history.Count);
        Assert.Equal((null, "bozza"), (history[0].FromState, history[0].ToState));
        Assert.Equal(("invia", "bozza", "inviata"), (history[1].Transition, history[1].FromState, history[1].ToState));
        Assert.Equal("Invio con tutti i documenti", history[1].Comment);
        Assert.Equal("Persona Cittadino", history[1].ActorName);
        Assert.Equal(PortalRoles.Cittadino, history[1].ActorRole);
        Assert.Equal("completi", history[1].Snapshot["documenti"]);
        Assert.Equal(("approva", "Approvata", "Tutto regolare"), (history[2].Transition, history[2].ToLabel, history[2].Comment));
        Assert.Equal("verificati", history[2].Snapshot["documenti"]);
        Assert.True(history[2].Utc > history[1].Utc && history[1].Utc > history[0].Utc);
        Assert.StartsWith("Invia la pratica: Inviata il ", history[1].Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_task_enqueue_rolls_the_whole_transition_back()
    {
        var code = TestWorkflows.Code("tutto");
        var instance = await portal.StartAsync(TestWorkflows.Pratica(code, inviaTasks: ["annota", "assegnaProtocollo", "notifica:pratica-inviata", "guasta"]), Owner);

        var result = await portal.FireAsync(instance.Id, "invia", TestWorkflows.Person(Owner, PortalRoles.Cittadino));

        Assert.Equal(WorkflowFailure.TaskFailed, result.Failure);
        Assert.Contains("l'attività «guasta» non è riuscita", result.Error, StringComparison.Ordinal);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<WorkflowsDbContext>();
            var stored = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instance.Id);
            Assert.Equal(("bozza", instance.Revision), (stored.State, stored.Revision));
            Assert.Equal(1, await db.History.CountAsync(h => h.InstanceId == instance.Id));
            Assert.False(await db.Timers.AnyAsync(t => t.InstanceId == instance.Id));
            // The first task's write, made through CoreDbContext in the same transaction, is gone too.
            var core = sp.GetRequiredService<CoreDbContext>();
            Assert.False(await sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AnyAsync(a => a.Action == "Prova.Annotazione" && a.Details == instance.SubjectId));
            // So are the outbox rows of the tasks before the failing one.
            Assert.False(await core.Outbox.AnyAsync(o => o.Payload.Contains(instance.SubjectId)));
            return 0;
        });
    }

    private Task<List<string?>> AppliedAsync(string subjectId) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AsNoTracking()
            .Where(a => a.Action == TestSubjectProvider.AppliedAction && a.Subject == subjectId).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());

    [Fact]
    public async Task The_subject_updates_its_own_row_inside_the_firing_transaction()
    {
        var instance = await SentAsync();
        var approved = await portal.FireAsync(instance.Id, "approva", TestWorkflows.Person(Guid.NewGuid(), PortalRoles.Amministratore));
        Assert.True(approved.Succeeded, approved.Error);
        Assert.Equal(["bozza→inviata", "inviata→approvata"], await AppliedAsync(instance.SubjectId));
    }

    [Theory]
    [InlineData("rifiuta", WorkflowFailure.InvalidState, TestSubjectProvider.RefusedMessage)]
    [InlineData("guasto", WorkflowFailure.Conflict, WorkflowEngine.ConflictMessage)]
    public async Task A_subject_that_refuses_or_fails_its_update_rolls_the_whole_firing_back(string documenti, WorkflowFailure failure, string message)
    {
        var code = TestWorkflows.Code("sogg");
        var instance = await portal.StartAsync(TestWorkflows.Pratica(code), Owner);
        var sent = await portal.FireAsync(instance.Id, "invia", TestWorkflows.Person(Owner, PortalRoles.Cittadino));
        Assert.True(sent.Succeeded, sent.Error);
        portal.Services.GetRequiredService<TestSubjects>().Set(instance.SubjectId, documenti);

        var result = await portal.FireAsync(instance.Id, "approva", TestWorkflows.Person(Guid.NewGuid(), PortalRoles.Amministratore));

        Assert.Equal(failure, result.Failure);
        Assert.Equal(message, result.Error);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<WorkflowsDbContext>();
            var stored = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instance.Id);
            Assert.Equal(("inviata", sent.Instance!.Revision), (stored.State, stored.Revision));
            Assert.Equal(2, await db.History.CountAsync(h => h.InstanceId == instance.Id));
            // The state's timer is still pending: leaving the state was rolled back with everything else.
            Assert.Equal(1, await db.Timers.CountAsync(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending));
            return 0;
        });
        // The subject's own write made before it refused is gone too.
        Assert.Equal(["bozza→inviata"], await AppliedAsync(instance.SubjectId));
    }

    [Fact]
    public async Task An_event_fires_the_transition_waiting_for_it_as_sistema()
    {
        var instance = await SentAsync();
        var result = await portal.InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>()
            .RaiseEventAsync(TestWorkflows.Event, TestWorkflows.SubjectType, instance.SubjectId));
        Assert.True(result!.Succeeded, result.Error);
        Assert.Equal("scaduta", result.Instance!.State);
        var history = await portal.InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().HistoryAsync(instance.Id));
        Assert.Equal("sistema", history[^1].ActorName);
    }
}
