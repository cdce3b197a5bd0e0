using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Accreditamenti.Model;
using Portal.Core.Data;

namespace Portal.Accreditamenti.Data;

public class AccreditamentiDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_accreditamenti";

    public DbSet<AccreditationRequest> Requests => Set<AccreditationRequest>();
    public DbSet<EnteGestore> Enti => Set<EnteGestore>();
    public DbSet<CentroImpiego> Cpi => Set<CentroImpiego>();
    public DbSet<OperatorEnablement> Enablements => Set<OperatorEnablement>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<AccreditationRequest>(e =>
        {
            e.ToTable("accreditamenti_request");
            e.HasKey(x => x.Id);
            e.Property(x => x.CodiceFiscale).HasMaxLength(16);
            e.Property(x => x.ComuneIstat).HasMaxLength(6);
            e.Property(x => x.Note).HasMaxLength(500);
            // Two administrators deciding the same request at once: the second save finds the state changed.
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
            e.Property(x => x.Origin).HasMaxLength(16);
            e.Property(x => x.DecidedBy).HasMaxLength(200);
            e.Property(x => x.DecisionReason).HasMaxLength(500);
            e.Property(x => x.RevokedBy).HasMaxLength(200);
            e.Property(x => x.RevokeReason).HasMaxLength(500);
            // At most one pending or approved request per person and Comune, even under double submission.
            e.HasIndex(x => new { x.PersonId, x.ComuneIstat }).IsUnique()
                .HasFilter("\"State\" IN ('InAttesa', 'Approvata')").HasDatabaseName("ux_accreditamenti_request_open");
            e.HasIndex(x => new { x.State, x.CreatedUtc });
            e.HasIndex(x => x.ComuneIstat);
            e.HasIndex(x => x.AssignmentId);
        });
        b.Entity<EnteGestore>(e =>
        {
            e.ToTable("accreditamenti_ente");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Denominazione).HasMaxLength(200);
            e.Property(x => x.CodiceFiscale).HasMaxLength(16);
            e.Property(x => x.Email).HasMaxLength(254);
        });
        b.Entity<CentroImpiego>(e =>
        {
            e.ToTable("accreditamenti_cpi");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Nome).HasMaxLength(200);
            e.Property(x => x.SiglaProvincia).HasMaxLength(2);
        });
        b.Entity<OperatorEnablement>(e =>
        {
            e.ToTable("accreditamenti_enablement");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.AssignmentId).IsUnique();
            e.HasIndex(x => x.PersonId);
            e.Property(x => x.CodiceFiscale).HasMaxLength(16);
            e.Property(x => x.RoleName).HasMaxLength(64);
            e.Property(x => x.ScopeType).HasMaxLength(32);
            e.Property(x => x.ScopeValue).HasMaxLength(64);
            e.Property(x => x.RequestedBy).HasMaxLength(200);
            e.Property(x => x.EnabledBy).HasMaxLength(200);
            e.Property(x => x.EnableReason).HasMaxLength(500);
            e.Property(x => x.DisabledBy).HasMaxLength(200);
            e.Property(x => x.DisableReason).HasMaxLength(500);
        });
    }
}

public sealed class AccreditamentiSqliteDbContext(DbContextOptions<AccreditamentiSqliteDbContext> options) : AccreditamentiDbContext(options);

public sealed class AccreditamentiPostgresDbContext(DbContextOptions<AccreditamentiPostgresDbContext> options) : AccreditamentiDbContext(options);

public sealed class AccreditamentiSqliteDesignFactory : IDesignTimeDbContextFactory<AccreditamentiSqliteDbContext>
{
    public AccreditamentiSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<AccreditamentiSqliteDbContext>(AccreditamentiDbContext.HistoryTable));
}

public sealed class AccreditamentiPostgresDesignFactory : IDesignTimeDbContextFactory<AccreditamentiPostgresDbContext>
{
    public AccreditamentiPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<AccreditamentiPostgresDbContext>(AccreditamentiDbContext.HistoryTable));
}
