namespace Portal.Core.Data;

/// <summary>
/// The request's (or job's) one transaction. Every module's DbContext, the file store, the audit trail and
/// the outbox join it by themselves: a service opens a unit of work, stages its changes through whatever
/// services it calls, and completes it once. Nobody enlists another module's context.
/// </summary>
/// <example>
/// <code>
/// await using var work = await unitOfWork.BeginAsync(ct);
/// db.Domande.Add(domanda); await db.SaveChangesAsync(ct);
/// await audit.RecordAsync(...); await protocol.EnqueueAsync(...);
/// await work.CompleteAsync(ct);
/// </code>
/// </example>
public interface IUnitOfWork
{
    /// <summary>True while a unit of work is open in this scope.</summary>
    bool IsActive { get; }

    /// <summary>
    /// Opens the unit of work, or a nested one inside the unit already open (a savepoint): a nested unit
    /// disposed without <see cref="IUnitOfWorkScope.CompleteAsync"/> undoes only its own changes.
    /// </summary>
    Task<IUnitOfWorkScope> BeginAsync(CancellationToken ct = default);

    /// <summary>
    /// Opens the unit of work as all-or-nothing: the units nested in it take no savepoint (two round trips fewer each on
    /// PostgreSQL), and one disposed without completing dooms the whole unit — its <see cref="IUnitOfWorkScope.CompleteAsync"/>
    /// then throws and disposing rolls everything back. For an owner that rolls back on any failure of what it calls (a hot
    /// path such as sending an application). Inside an open unit it is the same as <see cref="BeginAsync(CancellationToken)"/>.
    /// </summary>
    Task<IUnitOfWorkScope> BeginAllOrNothingAsync(CancellationToken ct = default);
}

/// <summary>An open unit of work; disposing it without completing rolls its changes back.</summary>
public interface IUnitOfWorkScope : IAsyncDisposable
{
    /// <summary>Commits (the outermost unit) or keeps the changes for the enclosing unit (a nested one).</summary>
    Task CompleteAsync(CancellationToken ct = default);
}
