namespace Portal.Core.Data;

/// <summary>
/// <see cref="IUnitOfWork"/> on the scope's <see cref="PortalConnection"/>: the outermost unit owns the
/// transaction, nested units are savepoints.
/// </summary>
internal sealed class UnitOfWork(PortalConnection connection) : IUnitOfWork
{
    private readonly PortalConnection _connection = connection;
    private int _depth;
    private int _savepoints;

    public bool IsActive => _connection.Transaction is not null;

    public async Task<IUnitOfWorkScope> BeginAsync(CancellationToken ct = default)
    {
        if (_connection.Transaction is { } tx)
        {
            var name = $"uow_{++_savepoints}";
            await tx.SaveAsync(name, ct);
            _depth++;
            return new Nested(this, name);
        }
        var opened = await _connection.BeginAsync(ct);
        _depth = 1;
        return new Outer(this, opened);
    }

    private sealed class Outer(UnitOfWork owner, bool openedConnection) : IUnitOfWorkScope
    {
        private bool _done;

        public async Task CompleteAsync(CancellationToken ct = default)
        {
            if (_done) throw new InvalidOperationException("L'unità di lavoro è già conclusa.");
            if (owner._depth != 1) throw new InvalidOperationException("Un'unità di lavoro annidata è ancora aperta.");
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

    private sealed class Nested(UnitOfWork owner, string savepoint) : IUnitOfWorkScope
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
            if (owner._connection.Transaction is not { } tx) return;
            await tx.RollbackAsync(savepoint);
            // What the contexts track may be what was just undone: it must not be saved again later.
            owner._connection.ForgetTracked();
        }
    }
}
