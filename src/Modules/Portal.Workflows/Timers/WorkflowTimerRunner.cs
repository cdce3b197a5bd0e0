using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Workflows.Data;
using Portal.Workflows.Engine;
using Portal.Workflows.Model;

namespace Portal.Workflows.Timers;

/// <summary>
/// Fires the timers that are due. Each timer is claimed (Pending → Fired) inside the transaction of its firing,
/// so with several nodes polling it fires once; a timer due while no node was running fires at the next poll.
/// </summary>
public sealed class WorkflowTimerRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WorkflowTimerRunner> logger)
{
    private const int Batch = 100;

    /// <returns>How many timers fired.</returns>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var fired = 0;
        while (true)
        {
            List<WorkflowTimer> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var now = clock.GetUtcNow().UtcDateTime;
                due = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Timers.AsNoTracking()
                    .Where(t => t.Status == TimerStatus.Pending && t.DueUtc <= now)
                    .OrderBy(t => t.DueUtc).Take(Batch).ToListAsync(ct);
            }
            var progressed = 0;
            foreach (var timer in due)
            {
                var outcome = await FireAsync(timer, ct);
                if (outcome == true) fired++;
                if (outcome is not null) progressed++;
            }
            if (due.Count < Batch || progressed == 0) return fired;
        }
    }

    /// <returns>True when fired, false when given up (marked failed or cancelled), null when left for a later poll.</returns>
    private async Task<bool?> FireAsync(WorkflowTimer timer, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var engine = (WorkflowEngine)scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == timer.InstanceId, ct);
        if (instance is null || instance.State != timer.State)
        {
            await CloseAsync(db, timer.Id, TimerStatus.Cancelled, null, ct);
            return false;
        }
        var result = await engine.FireAsync(instance.Id, timer.Transition, WorkflowActor.System,
            "Termine scaduto", instance.Revision, timer.Id, ct);
        if (result.Succeeded) return true;
        switch (result.Failure)
        {
            case WorkflowFailure.Conflict:
            case WorkflowFailure.TaskFailed:
                // Another node fired it (then it is no longer pending) or something transient failed: look again next time.
                return null;
            default:
                logger.LogWarning("Timer {Timer} della pratica {Instance} non eseguito: {Error}", timer.Id, instance.Id, result.Error);
                await CloseAsync(db, timer.Id, TimerStatus.Failed, result.Error, ct);
                return false;
        }
    }

    private async Task CloseAsync(WorkflowsDbContext db, Guid timerId, TimerStatus status, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = error is { Length: > 1000 } ? error[..1000] : error;
        await db.Timers.Where(t => t.Id == timerId && t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.DoneUtc, now).SetProperty(t => t.Error, text), ct);
    }
}
