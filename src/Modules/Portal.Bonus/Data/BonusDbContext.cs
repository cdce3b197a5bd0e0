using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;

namespace Portal.Bonus.Data;

public class BonusDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_bonus";

    public DbSet<Bando> Bandi => Set<Bando>();
    public DbSet<BandoVersione> BandoVersioni => Set<BandoVersione>();
    public DbSet<Domanda> Domande => Set<Domanda>();
    public DbSet<ComponenteNucleo> Componenti => Set<ComponenteNucleo>();
    public DbSet<FiglioStudente> Figli => Set<FiglioStudente>();
    public DbSet<NucleoInvio> NucleiInvio => Set<NucleoInvio>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.ApplyConfiguration(new BandoConfiguration());
        b.ApplyConfiguration(new BandoVersioneConfiguration());
        b.ApplyConfiguration(new DomandaConfiguration());
        b.ApplyConfiguration(new ComponenteNucleoConfiguration());
        b.ApplyConfiguration(new FiglioStudenteConfiguration());
        b.ApplyConfiguration(new NucleoInvioConfiguration());
    }
}

public sealed class BonusSqliteDbContext(DbContextOptions<BonusSqliteDbContext> options) : BonusDbContext(options);

public sealed class BonusPostgresDbContext(DbContextOptions<BonusPostgresDbContext> options) : BonusDbContext(options);

public sealed class BonusSqliteDesignFactory : IDesignTimeDbContextFactory<BonusSqliteDbContext>
{
    public BonusSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<BonusSqliteDbContext>(BonusDbContext.HistoryTable));
}

public sealed class BonusPostgresDesignFactory : IDesignTimeDbContextFactory<BonusPostgresDbContext>
{
    public BonusPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<BonusPostgresDbContext>(BonusDbContext.HistoryTable));
}
