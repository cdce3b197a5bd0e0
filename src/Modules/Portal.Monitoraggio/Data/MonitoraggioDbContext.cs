using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;

namespace Portal.Monitoraggio.Data;

public class MonitoraggioDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_monitoraggio";

    public DbSet<Misura> Misure => Set<Misura>();
    public DbSet<Flusso> Flussi => Set<Flusso>();
    public DbSet<FlussoBlocco> Blocchi => Set<FlussoBlocco>();
    public DbSet<FlussoSegnalazione> Segnalazioni => Set<FlussoSegnalazione>();
    public DbSet<Pratica> Pratiche => Set<Pratica>();
    public DbSet<PraticaStorico> Storico => Set<PraticaStorico>();
    public DbSet<CredenzialeApi> Credenziali => Set<CredenzialeApi>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.ApplyConfiguration(new MisuraConfiguration());
        b.ApplyConfiguration(new FlussoConfiguration());
        b.ApplyConfiguration(new FlussoBloccoConfiguration());
        b.ApplyConfiguration(new FlussoSegnalazioneConfiguration());
        b.ApplyConfiguration(new PraticaConfiguration());
        b.ApplyConfiguration(new PraticaStoricoConfiguration());
        b.ApplyConfiguration(new CredenzialeApiConfiguration());
    }
}

public sealed class MonitoraggioSqliteDbContext(DbContextOptions<MonitoraggioSqliteDbContext> options) : MonitoraggioDbContext(options);

public sealed class MonitoraggioPostgresDbContext(DbContextOptions<MonitoraggioPostgresDbContext> options) : MonitoraggioDbContext(options);

public sealed class MonitoraggioSqliteDesignFactory : IDesignTimeDbContextFactory<MonitoraggioSqliteDbContext>
{
    public MonitoraggioSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<MonitoraggioSqliteDbContext>(MonitoraggioDbContext.HistoryTable));
}

public sealed class MonitoraggioPostgresDesignFactory : IDesignTimeDbContextFactory<MonitoraggioPostgresDbContext>
{
    public MonitoraggioPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<MonitoraggioPostgresDbContext>(MonitoraggioDbContext.HistoryTable));
}
