using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.AuditTrail.Model;
using Portal.Core.Data;

namespace Portal.AuditTrail.Data;

/// <summary>The append-only audit trail every module writes through IAuditTrail, inside its own unit of work.</summary>
public class AuditTrailDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_audit_trail";

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder b) => b.ApplyConfiguration(new AuditEntryConfiguration());
}

public sealed class AuditTrailSqliteDbContext(DbContextOptions<AuditTrailSqliteDbContext> options) : AuditTrailDbContext(options);

public sealed class AuditTrailPostgresDbContext(DbContextOptions<AuditTrailPostgresDbContext> options) : AuditTrailDbContext(options);

public sealed class AuditTrailSqliteDesignFactory : IDesignTimeDbContextFactory<AuditTrailSqliteDbContext>
{
    public AuditTrailSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<AuditTrailSqliteDbContext>(AuditTrailDbContext.HistoryTable));
}

public sealed class AuditTrailPostgresDesignFactory : IDesignTimeDbContextFactory<AuditTrailPostgresDbContext>
{
    public AuditTrailPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<AuditTrailPostgresDbContext>(AuditTrailDbContext.HistoryTable));
}
