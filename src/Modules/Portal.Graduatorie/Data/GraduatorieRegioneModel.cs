using Microsoft.EntityFrameworkCore;

namespace Portal.Graduatorie.Data;

internal static class GraduatorieRegioneModel
{
    /// <summary>Tables of the regional side: the Graduatoria and its positions, reminders, the pseudonym key.</summary>
    public static void Configure(ModelBuilder b)
    {
        b.Entity<GraduatoriaRegionale>(e =>
        {
            e.ToTable("graduatorie_regionale");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.FinestraId).IsUnique();
            e.Property(x => x.Stato).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.BuiltBy).HasMaxLength(200);
            e.Property(x => x.ApprovedBy).HasMaxLength(200);
            e.Property(x => x.PublishedBy).HasMaxLength(200);
            e.Property(x => x.DecretoNumero).HasMaxLength(50);
            e.Property(x => x.Revision).IsConcurrencyToken();
        });
        b.Entity<GraduatoriaPosizione>(e =>
        {
            e.ToTable("graduatorie_posizione");
            e.HasKey(x => x.Id);
            e.Property(x => x.Codice).HasMaxLength(12);
            e.Property(x => x.ComuneIstat).HasMaxLength(6);
            e.Property(x => x.CfStudente).HasMaxLength(16);
            e.Property(x => x.CognomeStudente).HasMaxLength(200);
            e.Property(x => x.NomeStudente).HasMaxLength(200);
            e.Property(x => x.ValoreIsee).HasPrecision(12, 2);
            e.Property(x => x.Esito).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.GraduatoriaId, x.Posizione }).IsUnique();
            e.HasIndex(x => new { x.GraduatoriaId, x.Codice }).IsUnique();
            e.HasIndex(x => new { x.GraduatoriaId, x.ComuneIstat });
            e.HasOne<GraduatoriaRegionale>().WithMany().HasForeignKey(x => x.GraduatoriaId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Sollecito>(e =>
        {
            e.ToTable("graduatorie_sollecito");
            e.HasKey(x => x.Id);
            e.Property(x => x.ComuneIstat).HasMaxLength(6);
            e.Property(x => x.SentBy).HasMaxLength(200);
            // One reminder per operator, Comune, Finestra and day: a double click cannot send twice.
            e.HasIndex(x => new { x.FinestraId, x.Giorno, x.ComuneIstat, x.PersonId }).IsUnique();
        });
        b.Entity<ChiavePseudonimi>(e =>
        {
            e.ToTable("graduatorie_chiave_pseudonimi");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
    }
}
