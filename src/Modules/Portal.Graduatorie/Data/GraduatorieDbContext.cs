using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;
using Portal.Graduatorie.Model;

namespace Portal.Graduatorie.Data;

public class GraduatorieDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_graduatorie";

    public DbSet<Invio> Invii => Set<Invio>();
    public DbSet<InvioRiga> Righe => Set<InvioRiga>();
    public DbSet<InvioSegnalazione> Segnalazioni => Set<InvioSegnalazione>();
    public DbSet<GraduatoriaRegionale> Graduatorie => Set<GraduatoriaRegionale>();
    public DbSet<GraduatoriaPosizione> Posizioni => Set<GraduatoriaPosizione>();
    public DbSet<Sollecito> Solleciti => Set<Sollecito>();
    public DbSet<ChiavePseudonimi> ChiaviPseudonimi => Set<ChiavePseudonimi>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        // One configuration class per entity, beside this context (tables, columns and indexes as in the migrations).
        b.ApplyConfiguration(new InvioConfiguration());
        b.ApplyConfiguration(new InvioRigaConfiguration());
        b.ApplyConfiguration(new InvioSegnalazioneConfiguration());
        b.ApplyConfiguration(new GraduatoriaRegionaleConfiguration());
        b.ApplyConfiguration(new GraduatoriaPosizioneConfiguration());
        b.ApplyConfiguration(new SollecitoConfiguration());
        b.ApplyConfiguration(new ChiavePseudonimiConfiguration());
    }
}

public sealed class GraduatorieSqliteDbContext(DbContextOptions<GraduatorieSqliteDbContext> options) : GraduatorieDbContext(options);

public sealed class GraduatoriePostgresDbContext(DbContextOptions<GraduatoriePostgresDbContext> options) : GraduatorieDbContext(options);

public sealed class GraduatorieSqliteDesignFactory : IDesignTimeDbContextFactory<GraduatorieSqliteDbContext>
{
    public GraduatorieSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<GraduatorieSqliteDbContext>(GraduatorieDbContext.HistoryTable));
}

public sealed class GraduatoriePostgresDesignFactory : IDesignTimeDbContextFactory<GraduatoriePostgresDbContext>
{
    public GraduatoriePostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<GraduatoriePostgresDbContext>(GraduatorieDbContext.HistoryTable));
}
