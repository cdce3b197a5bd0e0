using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Workflows.Data;
using Portal.Workflows.Definitions;
using Portal.Workflows.Model;

namespace Portal.Workflows.Engine;

internal sealed class WorkflowEngine(
    WorkflowsDbContext db,
    IUnitOfWork unitOfWork,
    DefinitionStore definitions,
    DefinitionCache cache,
    WorkflowCatalog catalog,
    IPermissionService permissions,
    TimeProvider clock,
    ILogger<WorkflowEngine> logger) : IWorkflowEngine
{
    internal const string ConflictMessage =
        "La pratica è stata modificata da qualcun altro nel frattempo: ricarica la pagina e verifica il suo stato prima di riprovare.";

    public async Task<WorkflowResult> StartAsync(WorkflowStart start, CancellationToken ct = default)
    {
        var stored = await definitions.LatestStoredAsync(start.DefinitionCode, ct);
        if (stored is null) return WorkflowResult.Fail(WorkflowFailure.NotFound, $"Il flusso «{start.DefinitionCode}» non esiste.");
        WorkflowDefinition definition;
        try { definition = await cache.LoadAsync(definitions, stored.Code, stored.Version, ct); }
        catch (DefinitionException e) { return WorkflowResult.Fail(WorkflowFailure.Definition, e.Message); }

        if (await db.Instances.AnyAsync(i => i.SubjectType == definition.SubjectType && i.SubjectId == start.SubjectId, ct))
            return WorkflowResult.Fail(WorkflowFailure.AlreadyStarted, "Per questa pratica il flusso è già avviato.");
        var subject = await DescribeAsync(definition, start.SubjectId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var instance = new WorkflowInstance
        {
            DefinitionCode = definition.Code,
            DefinitionVersion = stored.Version,
            SubjectType = definition.SubjectType,
            SubjectId = start.SubjectId,
            State = definition.InitialState,
            OwnerPersonId = start.OwnerPersonId,
            Scope = start.Scope,
            StartedUtc = now,
            UpdatedUtc = now,
            Revision = 1,
        };
        db.Instances.Add(instance);
        db.History.Add(NewHistory(instance.Id, null, null, instance.State, start.Actor, start.Comment, subject, now));
        db.Timers.AddRange(TimersFor(definition, instance.Id, instance.State, subject, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent start of the same subject won the unique index.
            db.ChangeTracker.Clear();
            return WorkflowResult.Fail(WorkflowFailure.AlreadyStarted, "Per questa pratica il flusso è già avviato.");
        }
        return WorkflowResult.Ok(instance.ToView(definition));
    }

    public Task<WorkflowResult> FireAsync(Guid instanceId, string transition, WorkflowActor actor, string? comment = null,
        int? expectedRevision = null, CancellationToken ct = default) =>
        FireAsync(instanceId, transition, actor, comment, expectedRevision, timerId: null, ct);

    /// <param name="timerId">When a timer fires: it is claimed in the same transaction, so it fires once across nodes.</param>
    internal async Task<WorkflowResult> FireAsync(Guid instanceId, string transitionCode, WorkflowActor actor, string? comment,
        int? expectedRevision, Guid? timerId, CancellationToken ct)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        if (instance is null) return WorkflowResult.Fail(WorkflowFailure.NotFound, "La pratica non esiste.");
        WorkflowDefinition definition;
        try { definition = await cache.LoadAsync(definitions, instance.DefinitionCode, instance.DefinitionVersion, ct); }
        catch (DefinitionException e) { return WorkflowResult.Fail(WorkflowFailure.Definition, e.Message); }

        var transition = definition.Transition(transitionCode);
        if (transition is null)
            return WorkflowResult.Fail(WorkflowFailure.InvalidState, $"L'operazione «{transitionCode}» non esiste nel flusso «{definition.Name}».");
        if (expectedRevision is not null && expectedRevision != instance.Revision)
            return WorkflowResult.Fail(WorkflowFailure.Conflict, ConflictMessage);
        // Who may fire is checked before anything about the instance's state is told.
        if (!await MayFireAsync(transition, instance, actor))
            return WorkflowResult.Fail(WorkflowFailure.NotAllowed, $"Non sei autorizzato a eseguire «{transition.Label}» su questa pratica.");
        if (!transition.From.Contains(instance.State))
            return WorkflowResult.Fail(WorkflowFailure.InvalidState,
                $"«{transition.Label}» non è possibile quando la pratica è nello stato «{definition.StateLabel(instance.State)}».");

        var view = instance.ToView(definition);
        var subject = await DescribeAsync(definition, instance.SubjectId, ct);
        foreach (var name in transition.Guards)
        {
            if (subject?.GuardsChecked?.Contains(name) == true) continue;
            var result = await catalog.Guard(name)!.CheckAsync(new WorkflowGuardContext(view, transition.Code, actor, subject), ct);
            if (!result.Passed)
                return WorkflowResult.Fail(WorkflowFailure.GuardFailed, result.Message ?? $"La condizione «{name}» non è soddisfatta.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = instance.State;
        var to = transition.To;
        var revision = instance.Revision;
        var history = NewHistory(instance.Id, transition.Code, from, to, actor, comment, subject, now);
        string? failedTask = null;
        try
        {
            await using var work = await unitOfWork.BeginAsync(ct);
            // The conditional update is the transaction's first statement: it takes the row (PostgreSQL) or the
            // database (SQLite) write lock, and only the firing that read the current revision can succeed.
            var claimed = await db.Instances.Where(i => i.Id == instance.Id && i.Revision == revision)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.State, to)
                    .SetProperty(i => i.Revision, revision + 1)
                    .SetProperty(i => i.UpdatedUtc, now), ct);
            if (claimed == 0) return WorkflowResult.Fail(WorkflowFailure.Conflict, ConflictMessage);
            if (timerId is not null)
            {
                var timerClaimed = await db.Timers.Where(t => t.Id == timerId && t.Status == TimerStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Fired).SetProperty(t => t.DoneUtc, now), ct);
                if (timerClaimed == 0) return WorkflowResult.Fail(WorkflowFailure.Conflict, ConflictMessage);
            }
            if (from != to)
            {
                // Leaving the state: its timers no longer apply. Timers are only created for the state entered and cancelled
                // when it is left, so a state the instance's version declares none for has none pending (no round trip).
                if (definition.Timers.Any(t => t.State == from))
                    await db.Timers.Where(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending)
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled).SetProperty(t => t.DoneUtc, now), ct);
                db.Timers.AddRange(TimersFor(definition, instance.Id, to, subject, now));
            }
            else if (definition.Timers.Where(t => t.State == to && !t.IsDuration).Select(t => t.Transition).ToList() is { Count: > 0 } instantTransitions)
            {
                // Staying in the state (e.g. an appointment moved for a justified reason): the subject's instants may have
                // changed, so its instant timers are taken again from the subject; duration timers keep running.
                await db.Timers.Where(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending && instantTransitions.Contains(t.Transition))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled).SetProperty(t => t.DoneUtc, now), ct);
                db.Timers.AddRange(TimersFor(definition, instance.Id, to, subject, now, instantOnly: true));
            }
            db.History.Add(history);
            await db.SaveChangesAsync(ct);

            var after = view with { State = to, StateLabel = definition.StateLabel(to), IsTerminal = definition.State(to)?.Terminal ?? false, Revision = revision + 1, UpdatedUtc = now };
            if (catalog.Subject(definition.SubjectType) is { } provider)
                await provider.ApplyAsync(new WorkflowSubjectChange(after, transition.Code, from, to, actor), ct);
            foreach (var name in transition.Tasks)
            {
                failedTask = name;
                var (task, argument) = catalog.Task(name)!.Value;
                await task.EnqueueAsync(new WorkflowTaskContext(after, transition.Code, from, to, actor, subject, transition.Tasks, $"wf:{history.Id}:{name}"), argument, ct);
            }
            failedTask = null;
            await work.CompleteAsync(ct);
            return WorkflowResult.Ok(after);
        }
        catch (WorkflowRefusedException e)
        {
            return WorkflowResult.Fail(WorkflowFailure.InvalidState, e.Message);
        }
        catch (Exception e) when (failedTask is null && WriteConflicts.Is(e))
        {
            // Another request wrote the same rows first (e.g. the subject's unique index: one valid list per Comune): the caller
            // gets the same conflict as for a revision that moved, and nothing was changed.
            logger.LogInformation("Transizione {Transition} della pratica {Instance} non eseguita: {Reason}", transitionCode, instanceId,
                e.GetBaseException().Message);
            return WorkflowResult.Fail(WorkflowFailure.Conflict, ConflictMessage);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Transizione {Transition} della pratica {Instance} non eseguita", transitionCode, instanceId);
            return WorkflowResult.Fail(failedTask is null ? WorkflowFailure.Conflict : WorkflowFailure.TaskFailed,
                failedTask is null ? ConflictMessage : $"«{transition.Label}» non è stata eseguita: l'attività «{failedTask}» non è riuscita. Nulla è stato modificato; riprovare più tardi.");
        }
        finally
        {
            // Nothing of the firing stays tracked: a rolled-back one must not be saved later by another SaveChanges in this scope.
            db.ChangeTracker.Clear();
        }
    }

    public async Task<WorkflowResult?> RaiseEventAsync(string eventName, string subjectType, string subjectId, CancellationToken ct = default)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.SubjectType == subjectType && i.SubjectId == subjectId, ct);
        if (instance is null) return null;
        var definition = await cache.LoadAsync(definitions, instance.DefinitionCode, instance.DefinitionVersion, ct);
        var transition = definition.Transitions.FirstOrDefault(t => t.On == eventName && t.From.Contains(instance.State));
        return transition is null ? null
            : await FireAsync(instance.Id, transition.Code, WorkflowActor.System, $"Evento «{eventName}»", instance.Revision, null, ct);
    }

    public async Task<WorkflowInstanceView?> GetAsync(Guid instanceId, CancellationToken ct = default)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        return instance is null ? null : instance.ToView(await TryLoadAsync(instance, ct));
    }

    public async Task<WorkflowInstanceView?> FindAsync(string subjectType, string subjectId, CancellationToken ct = default)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.SubjectType == subjectType && i.SubjectId == subjectId, ct);
        return instance is null ? null : instance.ToView(await TryLoadAsync(instance, ct));
    }

    public async Task<IReadOnlyDictionary<string, WorkflowInstanceView>> FindManyAsync(string subjectType, IEnumerable<string> subjectIds, CancellationToken ct = default)
    {
        var ids = subjectIds.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, WorkflowInstanceView>(StringComparer.Ordinal);
        if (ids.Count == 0) return result;
        var instances = await db.Instances.AsNoTracking().Where(i => i.SubjectType == subjectType && ids.Contains(i.SubjectId)).ToListAsync(ct);
        foreach (var instance in instances) result[instance.SubjectId] = instance.ToView(await TryLoadAsync(instance, ct));
        return result;
    }

    public async Task<IReadOnlyList<WorkflowHistoryView>> HistoryAsync(Guid instanceId, CancellationToken ct = default)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        if (instance is null) return [];
        var definition = await TryLoadAsync(instance, ct);
        var rows = await db.History.AsNoTracking().Where(h => h.InstanceId == instanceId).ToListAsync(ct);
        return rows.OrderBy(h => h.Utc).Select(h => h.ToView(definition)).ToList();
    }

    public async Task<IReadOnlyList<TransitionDefinition>> AvailableAsync(Guid instanceId, WorkflowActor actor, CancellationToken ct = default)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        if (instance is null) return [];
        var definition = await TryLoadAsync(instance, ct);
        if (definition is null) return [];
        var result = new List<TransitionDefinition>();
        foreach (var t in definition.Transitions.Where(t => t.From.Contains(instance.State)))
            if (await MayFireAsync(t, instance, actor)) result.Add(t);
        return result;
    }

    private async Task<WorkflowDefinition?> TryLoadAsync(WorkflowInstance instance, CancellationToken ct)
    {
        try { return await cache.LoadAsync(definitions, instance.DefinitionCode, instance.DefinitionVersion, ct); }
        catch (DefinitionException) { return null; }
    }

    /// <summary>The engine fires "sistema" transitions; a person needs to be the owner or hold a permission (and the instance's scope).</summary>
    private async Task<bool> MayFireAsync(TransitionDefinition transition, WorkflowInstance instance, WorkflowActor actor)
    {
        if (actor.IsSystem) return transition.Allowed.Contains(Actors.System);
        if (transition.Allowed.Contains(Actors.Owner) && actor.PersonId is not null && actor.PersonId == instance.OwnerPersonId) return true;
        foreach (var permission in transition.Allowed.Where(a => a is not Actors.Owner and not Actors.System))
            if (await permissions.HasPermissionAsync(actor.User!, permission) && InScope(actor, instance.Scope)) return true;
        return false;
    }

    private static bool InScope(WorkflowActor actor, string? scope)
    {
        if (scope is null || actor.Role == PortalRoles.Amministratore) return true;
        var colon = scope.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && actor.User!.HasScope(scope[..colon], scope[(colon + 1)..]);
    }

    private async Task<WorkflowSubjectInfo?> DescribeAsync(WorkflowDefinition definition, string subjectId, CancellationToken ct) =>
        catalog.Subject(definition.SubjectType) is { } provider ? await provider.DescribeAsync(subjectId, ct) : null;

    private static WorkflowHistoryEntry NewHistory(Guid instanceId, string? transition, string? from, string to, WorkflowActor actor,
        string? comment, WorkflowSubjectInfo? subject, DateTime now) => new()
    {
        InstanceId = instanceId,
        Utc = now,
        Transition = transition,
        FromState = from,
        ToState = to,
        ActorId = actor.PersonId,
        ActorName = actor.Name,
        ActorRole = actor.Role,
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        SnapshotJson = JsonSerializer.Serialize(subject?.Snapshot ?? new Dictionary<string, string?>()),
    };

    private static IEnumerable<WorkflowTimer> TimersFor(WorkflowDefinition definition, Guid instanceId, string state, WorkflowSubjectInfo? subject, DateTime now,
        bool instantOnly = false)
    {
        foreach (var timer in definition.Timers.Where(t => t.State == state && !(instantOnly && t.IsDuration)))
        {
            DateTime? due = timer.IsDuration ? now + timer.Duration
                : subject?.Instants.TryGetValue(timer.Instant!, out var instant) == true ? instant : null;
            if (due is null) continue;
            yield return new WorkflowTimer
            {
                InstanceId = instanceId,
                State = state,
                Transition = timer.Transition,
                DueUtc = due.Value,
                Status = TimerStatus.Pending,
                CreatedUtc = now,
            };
        }
    }
}
