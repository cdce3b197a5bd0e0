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
        b.ApplyConfiguration(new AccreditationRequestConfiguration());
        b.ApplyConfiguration(new EnteGestoreConfiguration());
        b.ApplyConfiguration(new CentroImpiegoConfiguration());
        b.ApplyConfiguration(new OperatorEnablementConfiguration());
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
