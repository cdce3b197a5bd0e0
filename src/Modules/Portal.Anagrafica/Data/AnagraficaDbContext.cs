using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Anagrafica.Model;
using Portal.Core.Data;

namespace Portal.Anagrafica.Data;

public class AnagraficaDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_anagrafica";

    public DbSet<AnagraficaRecord> Records => Set<AnagraficaRecord>();
    public DbSet<RegistryEntry> Registry => Set<RegistryEntry>();
    public DbSet<StatoEstero> Stati => Set<StatoEstero>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.ApplyConfiguration(new AnagraficaRecordConfiguration());
        b.ApplyConfiguration(new RegistryEntryConfiguration());
        b.ApplyConfiguration(new StatoEsteroConfiguration());
    }
}

public sealed class AnagraficaSqliteDbContext(DbContextOptions<AnagraficaSqliteDbContext> options) : AnagraficaDbContext(options);

public sealed class AnagraficaPostgresDbContext(DbContextOptions<AnagraficaPostgresDbContext> options) : AnagraficaDbContext(options);

public sealed class AnagraficaSqliteDesignFactory : IDesignTimeDbContextFactory<AnagraficaSqliteDbContext>
{
    public AnagraficaSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<AnagraficaSqliteDbContext>(AnagraficaDbContext.HistoryTable));
}

public sealed class AnagraficaPostgresDesignFactory : IDesignTimeDbContextFactory<AnagraficaPostgresDbContext>
{
    public AnagraficaPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<AnagraficaPostgresDbContext>(AnagraficaDbContext.HistoryTable));
}
