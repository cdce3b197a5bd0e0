namespace Portal.Core.Data;

/// <summary>
/// <see cref="IUnitOfWork"/> on the scope's <see cref="PortalConnection"/>: the outermost unit owns the
/// transaction, nested units are savepoints.
/// </summary>
internal sealed class UnitOfWork(PortalConnection connection) : IUnitOfWork
{
    private readonly PortalConnection _connection = connection;
    private readonly List<Func<CancellationToken, Task>> _beforeCommit = [];
    private int _depth;
    private int _savepoints;
    private bool _allOrNothing;
    private bool _doomed;

    public bool IsActive => _connection.Transaction is not null;

    /// <summary>
    /// Runs <paramref name="work"/> as the last statements of the open unit, just before the outermost commit (in the order
    /// deferred); dropped if the unit, or the nested unit it was deferred in, rolls back. A lock taken there is held only for
    /// those statements and the commit (the ordered outbox's kind lock). False when no unit is open.
    /// </summary>
    internal bool DeferToCommit(Func<CancellationToken, Task> work)
    {
        if (_connection.Transaction is null) return false;
        _beforeCommit.Add(work);
        return true;
    }

    public Task<IUnitOfWorkScope> BeginAsync(CancellationToken ct = default) => BeginAsync(allOrNothing: false, ct);

    public Task<IUnitOfWorkScope> BeginAllOrNothingAsync(CancellationToken ct = default) => BeginAsync(allOrNothing: true, ct);

    private async Task<IUnitOfWorkScope> BeginAsync(bool allOrNothing, CancellationToken ct)
    {
        if (_connection.Transaction is not null && _allOrNothing)
        {
            _depth++;
            return new Joined(this);
        }
        if (_connection.Transaction is { } tx)
        {
            var name = $"uow_{++_savepoints}";
            await tx.SaveAsync(name, ct);
            _depth++;
            return new Nested(this, name, _beforeCommit.Count);
        }
        var opened = await _connection.BeginAsync(ct);
        _depth = 1;
        _beforeCommit.Clear();
        (_allOrNothing, _doomed) = (allOrNothing, false);
        return new Outer(this, opened);
    }

    private sealed class Outer(UnitOfWork owner, bool openedConnection) : IUnitOfWorkScope
    {
        private bool _done;

        public async Task CompleteAsync(CancellationToken ct = default)
        {
            if (_done) throw new InvalidOperationException("L'unità di lavoro è già conclusa.");
            if (owner._depth != 1) throw new InvalidOperationException("Un'unità di lavoro annidata è ancora aperta.");
            if (owner._doomed)
                throw new InvalidOperationException("Un'unità di lavoro annidata non è stata completata: l'unità «tutto o niente» può solo essere annullata.");
            // A failure here leaves the unit open: disposing it rolls everything back.
            for (var i = 0; i < owner._beforeCommit.Count; i++) await owner._beforeCommit[i](ct);
            owner._beforeCommit.Clear();
            await owner._connection.Transaction!.CommitAsync(ct);
            _done = true;
            owner._depth = 0;
            await owner._connection.EndAsync(committed: true, openedConnection);
        }

        public async ValueTask DisposeAsync()
        {
            if (_done) return;
            _done = true;
            owner._depth = 0;
            owner._beforeCommit.Clear();
            var tx = owner._connection.Transaction;
            try
            {
                if (tx is not null) await tx.RollbackAsync();
            }
            finally
            {
                await owner._connection.EndAsync(committed: false, openedConnection);
            }
        }
    }

    /// <summary>A unit nested in an all-or-nothing one: no savepoint; left uncompleted, it dooms the whole unit.</summary>
    private sealed class Joined(UnitOfWork owner) : IUnitOfWorkScope
    {
        private bool _done;

        public Task CompleteAsync(CancellationToken ct = default)
        {
            if (_done) throw new InvalidOperationException("L'unità di lavoro è già conclusa.");
            _done = true;
            owner._depth--;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (_done) return ValueTask.CompletedTask;
            _done = true;
            owner._depth--;
            owner._doomed = true;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Nested(UnitOfWork owner, string savepoint, int deferredBefore) : IUnitOfWorkScope
    {
        private bool _done;

        public async Task CompleteAsync(CancellationToken ct = default)
        {
            if (_done) throw new InvalidOperationException("L'unità di lavoro è già conclusa.");
            _done = true;
            owner._depth--;
            await owner._connection.Transaction!.ReleaseAsync(savepoint, ct);
        }

        public async ValueTask DisposeAsync()
        {
            if (_done) return;
            _done = true;
            owner._depth--;
            // What this nested unit deferred to the commit is undone with it.
            if (owner._beforeCommit.Count > deferredBefore)
                owner._beforeCommit.RemoveRange(deferredBefore, owner._beforeCommit.Count - deferredBefore);
            if (owner._connection.Transaction is not { } tx) return;
            await tx.RollbackAsync(savepoint);
            // What the contexts track may be what was just undone: it must not be saved again later.
            owner._connection.ForgetTracked();
        }
    }
}
