using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Core.Data;

/// <summary>
/// Base of every module's DbContext: instants are stored as UTC <see cref="DateTime"/> (SQLite cannot
/// compare DateTimeOffset in SQL) and always read back as <see cref="DateTimeKind.Utc"/>.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The scope's connection this context is leased to (contexts are pooled: set on every lease).</summary>
    internal PortalConnection? Ambient { get; private set; }

    internal void Join(PortalConnection connection)
    {
        Ambient = connection;
        Database.SetDbConnection(connection.Connection);
    }

    public override void Dispose()
    {
        Leave();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Leave();
        return base.DisposeAsync();
    }

    /// <summary>Back to the pool: the connection's unit of work must not touch this context once another scope has it.</summary>
    private void Leave()
    {
        Ambient?.Forget(this);
        Ambient = null;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
