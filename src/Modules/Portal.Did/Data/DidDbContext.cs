using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;

namespace Portal.Did.Data;

public class DidDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_did";

    public DbSet<Dichiarazione> Dichiarazioni => Set<Dichiarazione>();
    public DbSet<SituazioneOccupazionale> Situazioni => Set<SituazioneOccupazionale>();
    public DbSet<CpiComune> CpiComuni => Set<CpiComune>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.ApplyConfiguration(new DichiarazioneConfiguration());
        b.ApplyConfiguration(new SituazioneOccupazionaleConfiguration());
        b.ApplyConfiguration(new CpiComuneConfiguration());
    }
}

public sealed class DidSqliteDbContext(DbContextOptions<DidSqliteDbContext> options) : DidDbContext(options);

public sealed class DidPostgresDbContext(DbContextOptions<DidPostgresDbContext> options) : DidDbContext(options);

public sealed class DidSqliteDesignFactory : IDesignTimeDbContextFactory<DidSqliteDbContext>
{
    public DidSqliteDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.Sqlite<DidSqliteDbContext>(DidDbContext.HistoryTable));
}

public sealed class DidPostgresDesignFactory : IDesignTimeDbContextFactory<DidPostgresDbContext>
{
    public DidPostgresDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.Postgres<DidPostgresDbContext>(DidDbContext.HistoryTable));
}
