using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Data;

/// <summary>Transitional: the old "enlist these contexts" call, now a unit of work. Being replaced by IUnitOfWork.</summary>
public static class SharedTransactionExtensions
{
    public static async Task<SharedTransaction> BeginSharedTransactionAsync(this DbContext first, CancellationToken ct, params DbContext[] others)
    {
        _ = others;
        var services = first.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?? throw new InvalidOperationException("Contesto senza servizi dell'applicazione.");
        return new SharedTransaction(await services.GetRequiredService<IUnitOfWork>().BeginAsync(ct));
    }
}

public sealed class SharedTransaction(IUnitOfWorkScope scope) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken ct = default) => scope.CompleteAsync(ct);

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
