using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Testing;
using Portal.Workflows.Data;
using Portal.Workflows.Engine;
using Portal.Workflows.Model;
using Portal.Workflows.Timers;

namespace Portal.Workflows.Tests;

public class TimerTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    private static readonly Guid Owner = Guid.NewGuid();

    private async Task<WorkflowInstanceView> SentAsync(WorkflowPortal host, string code, int days = 10)
    {
        var instance = await host.StartAsync(TestWorkflows.Pratica(code, timerDays: days), Owner);
        var sent = await host.FireAsync(instance.Id, "invia", TestWorkflows.Person(Owner, PortalRoles.Cittadino));
        Assert.True(sent.Succeeded, sent.Error);
        return sent.Instance!;
    }

    private static Task<List<WorkflowTimer>> TimersAsync(WorkflowPortal host, Guid instanceId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<WorkflowsDbContext>().Timers.AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync());

    private static Task<int> TimerFiringsAsync(WorkflowPortal host, Guid instanceId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<WorkflowsDbContext>().History.CountAsync(h => h.InstanceId == instanceId && h.Transition == "scade"));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what);
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_timer_fires_its_transition_when_due_and_only_once()
    {
        var instance = await SentAsync(portal, TestWorkflows.Code("timer"), days: 10);
        var timer = Assert.Single(await TimersAsync(portal, instance.Id));
        Assert.Equal(instance.UpdatedUtc.AddDays(10), timer.DueUtc, TimeSpan.FromMilliseconds(1));
        var runner = portal.Services.GetRequiredService<WorkflowTimerRunner>();

        portal.Clock.Advance(TimeSpan.FromDays(9));
        await runner.RunDueAsync(default);
        Assert.Equal(0, await TimerFiringsAsync(portal, instance.Id));

        portal.Clock.Advance(TimeSpan.FromDays(2));
        await runner.RunDueAsync(default);
        await runner.RunDueAsync(default);
        Assert.Equal(1, await TimerFiringsAsync(portal, instance.Id));
        Assert.Equal("scaduta", (await portal.InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().GetAsync(instance.Id)))!.State);
        Assert.Equal(TimerStatus.Fired, Assert.Single(await TimersAsync(portal, instance.Id)).Status);
    }

    [Fact]
    public async Task Leaving_the_state_cancels_its_timers()
    {
        var instance = await SentAsync(portal, TestWorkflows.Code("annullo"));
        var approved = await portal.FireAsync(instance.Id, "approva", TestWorkflows.Person(Guid.NewGuid(), PortalRoles.Amministratore));
        Assert.True(approved.Succeeded, approved.Error);
        Assert.Equal(TimerStatus.Cancelled, Assert.Single(await TimersAsync(portal, instance.Id)).Status);

        portal.Clock.Advance(TimeSpan.FromDays(30));
        await portal.Services.GetRequiredService<WorkflowTimerRunner>().RunDueAsync(default);
        Assert.Equal(0, await TimerFiringsAsync(portal, instance.Id));
    }

    [Fact]
    public async Task A_timer_due_while_the_portal_was_down_fires_once_at_start()
    {
        var database = TestDatabase.Create();
        // The first portal does not fire timers: it stands for the time before the downtime.
        using var before = WorkflowPortal.On(database, new Dictionary<string, string?> { ["Portal:Workflows:TimersEnabled"] = "false" });
        var instance = await SentAsync(before, TestWorkflows.Code("ripresa"), days: 2);

        // The portal comes back three days later: the timer fell due while it was down.
        using var after = WorkflowPortal.On(database);
        after.Clock.SetUtcNow(before.Clock.GetUtcNow().AddDays(3));
        _ = after.Services;

        await WaitUntilAsync(async () => (await TimersAsync(after, instance.Id)).Single().Status != TimerStatus.Pending, "Il timer non è scattato all'avvio.");
        Assert.Equal(TimerStatus.Fired, (await TimersAsync(after, instance.Id)).Single().Status);
        await after.Services.GetRequiredService<WorkflowTimerRunner>().RunDueAsync(default);
        Assert.Equal(1, await TimerFiringsAsync(after, instance.Id));
        Assert.Equal("scaduta", (await after.InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().GetAsync(instance.Id)))!.State);
    }

    [Fact]
    public async Task Two_portals_on_one_database_fire_each_due_timer_once()
    {
        var database = TestDatabase.Create();
        var fast = new Dictionary<string, string?> { ["Portal:Workflows:TimerSeconds"] = "1" };
        using var nodeA = WorkflowPortal.On(database, fast);
        _ = nodeA.Services;
        using var nodeB = WorkflowPortal.On(database, fast);
        _ = nodeB.Services;

        var code = TestWorkflows.Code("nodi");
        var instances = new List<WorkflowInstanceView>();
        for (var i = 0; i < 20; i++) instances.Add(await SentAsync(nodeA, code, days: 1));

        // Both nodes see the timers fall due at the same moment and poll every second.
        var later = nodeA.Clock.GetUtcNow().AddDays(2);
        nodeA.Clock.SetUtcNow(later);
        nodeB.Clock.SetUtcNow(later);

        var ids = instances.Select(i => i.Id).ToList();
        await WaitUntilAsync(async () => await nodeA.InScopeAsync(sp => sp.GetRequiredService<WorkflowsDbContext>().Timers
            .CountAsync(t => ids.Contains(t.InstanceId) && t.Status == TimerStatus.Fired)) == instances.Count, "I timer non sono scattati tutti.");
        foreach (var instance in instances)
            Assert.Equal(1, await TimerFiringsAsync(nodeA, instance.Id));
        Assert.Equal(0, await nodeB.InScopeAsync(sp => sp.GetRequiredService<WorkflowsDbContext>().Timers
            .CountAsync(t => ids.Contains(t.InstanceId) && t.Status != TimerStatus.Fired)));
    }
}
