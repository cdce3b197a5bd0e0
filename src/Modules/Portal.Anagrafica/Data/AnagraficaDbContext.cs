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
        b.Entity<AnagraficaRecord>(e =>
        {
            e.ToTable("anagrafica_scheda");
            e.HasKey(x => x.PersonId);
            e.Property(x => x.CodiceFiscale).HasMaxLength(16);
            e.HasIndex(x => x.CodiceFiscale).IsUnique();
            e.Property(x => x.Cognome).HasMaxLength(100);
            e.Property(x => x.Nome).HasMaxLength(100);
            e.Property(x => x.LuogoNascitaCodice).HasMaxLength(4);
            e.Property(x => x.LuogoNascita).HasMaxLength(200);
            e.OwnsOne(x => x.Residenza, Address("residenza"));
            e.Navigation(x => x.Residenza).IsRequired();
            e.OwnsOne(x => x.Domicilio, Address("domicilio"));
            e.Navigation(x => x.Domicilio).IsRequired();
            e.Property(x => x.Telefono).HasMaxLength(20);
            e.Property(x => x.Cellulare).HasMaxLength(20);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Pec).HasMaxLength(254);
            e.Property(x => x.StatoCivile).HasMaxLength(32);
            e.Property(x => x.Cittadinanza).HasMaxLength(32);
            e.Property(x => x.TitoloSoggiornoTipo).HasMaxLength(32);
            e.Property(x => x.TitoloSoggiornoNumero).HasMaxLength(30);
            e.Property(x => x.TitoloStudio).HasMaxLength(32);
            e.Property(x => x.LastSavedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<RegistryEntry>(e =>
        {
            e.ToTable("anagrafica_registro");
            e.HasKey(x => x.CodiceFiscale);
            e.Property(x => x.CodiceFiscale).HasMaxLength(16);
            e.Property(x => x.Cognome).HasMaxLength(100);
            e.Property(x => x.Nome).HasMaxLength(100);
            e.Property(x => x.ResidenzaVia).HasMaxLength(200);
            e.Property(x => x.ResidenzaCivico).HasMaxLength(20);
            e.Property(x => x.ResidenzaCap).HasMaxLength(5);
            e.Property(x => x.ResidenzaComuneIstat).HasMaxLength(6);
            e.Property(x => x.Telefono).HasMaxLength(20);
            e.Property(x => x.Cellulare).HasMaxLength(20);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.StatoCivile).HasMaxLength(32);
            e.Property(x => x.Cittadinanza).HasMaxLength(32);
            e.Property(x => x.TitoloStudio).HasMaxLength(32);
        });
        b.Entity<StatoEstero>(e =>
        {
            e.ToTable("anagrafica_stato");
            e.HasKey(x => x.Codice);
            e.Property(x => x.Codice).HasMaxLength(3);
            e.Property(x => x.Denominazione).HasMaxLength(100);
            e.Property(x => x.CodiceCatastale).HasMaxLength(4);
            e.HasIndex(x => x.CodiceCatastale);
        });
    }

    private static Action<Microsoft.EntityFrameworkCore.Metadata.Builders.OwnedNavigationBuilder<AnagraficaRecord, Indirizzo>> Address(string prefix) => a =>
    {
        a.Property(x => x.Via).HasColumnName(prefix + "_via").HasMaxLength(200);
        a.Property(x => x.Civico).HasColumnName(prefix + "_civico").HasMaxLength(20);
        a.Property(x => x.Cap).HasColumnName(prefix + "_cap").HasMaxLength(5);
        a.Property(x => x.ComuneIstat).HasColumnName(prefix + "_comune").HasMaxLength(6);
    };
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
