using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;

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
        b.Entity<Invio>(e =>
        {
            e.ToTable("graduatorie_invio");
            e.HasKey(x => x.Id);
            e.Property(x => x.ComuneIstat).HasMaxLength(6);
            e.Property(x => x.OperatorName).HasMaxLength(200);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Esito).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Stato).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.FinestraId, x.ComuneIstat, x.CreatedUtc });
            // At most one valid list per Comune and Finestra, whatever the interleaving of confirmations.
            e.HasIndex(x => new { x.FinestraId, x.ComuneIstat }).IsUnique().HasFilter("\"Stato\" = 'Valido'")
                .HasDatabaseName("ux_graduatorie_invio_valido");
            e.HasMany(x => x.Segnalazioni).WithOne().HasForeignKey(s => s.InvioId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<InvioRiga>(e =>
        {
            e.ToTable("graduatorie_invio_riga");
            e.HasKey(x => x.Id);
            e.Property(x => x.CfStudente).HasMaxLength(16);
            e.Property(x => x.CfRichiedente).HasMaxLength(16);
            e.Property(x => x.CognomeStudente).HasMaxLength(200);
            e.Property(x => x.NomeStudente).HasMaxLength(200);
            e.Property(x => x.CognomeRichiedente).HasMaxLength(200);
            e.Property(x => x.NomeRichiedente).HasMaxLength(200);
            e.Property(x => x.CodiceMeccanografico).HasMaxLength(20);
            e.Property(x => x.ValoreIsee).HasPrecision(12, 2);
            e.Property(x => x.Note).HasMaxLength(200);
            e.HasIndex(x => new { x.InvioId, x.Row });
            e.HasIndex(x => x.CfStudente);
            e.HasOne<Invio>().WithMany().HasForeignKey(x => x.InvioId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<InvioSegnalazione>(e =>
        {
            e.ToTable("graduatorie_invio_segnalazione");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(8);
            e.Property(x => x.Severity).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Column).HasMaxLength(100);
            e.Property(x => x.Value).HasMaxLength(500);
            e.Property(x => x.Message).HasMaxLength(1000);
            e.HasIndex(x => x.InvioId);
        });
        GraduatorieRegioneModel.Configure(b);
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
