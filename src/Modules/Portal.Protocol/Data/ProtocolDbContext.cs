using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;
using Portal.Core.Protocol;
using Portal.Core.Receipts;

namespace Portal.Protocol.Data;

/// <summary>The protocol register (counters and entries) and the receipts.</summary>
public class ProtocolDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_protocol";

    public DbSet<ProtocolEntry> Entries => Set<ProtocolEntry>();
    public DbSet<ProtocolCounter> Counters => Set<ProtocolCounter>();
    public DbSet<Receipt> Receipts => Set<Receipt>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.ApplyConfiguration(new ProtocolEntryConfiguration());
        b.ApplyConfiguration(new ProtocolCounterConfiguration());
        b.ApplyConfiguration(new ReceiptConfiguration());
    }
}

public sealed class ProtocolSqliteDbContext(DbContextOptions<ProtocolSqliteDbContext> options) : ProtocolDbContext(options);

public sealed class ProtocolPostgresDbContext(DbContextOptions<ProtocolPostgresDbContext> options) : ProtocolDbContext(options);

public sealed class ProtocolSqliteDesignFactory : IDesignTimeDbContextFactory<ProtocolSqliteDbContext>
{
    public ProtocolSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<ProtocolSqliteDbContext>(ProtocolDbContext.HistoryTable));
}

public sealed class ProtocolPostgresDesignFactory : IDesignTimeDbContextFactory<ProtocolPostgresDbContext>
{
    public ProtocolPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<ProtocolPostgresDbContext>(ProtocolDbContext.HistoryTable));
}
