using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Graduatorie.Model;

namespace Portal.Graduatorie.Data;

/// <summary>Table graduatorie_invio: one row per upload, with at most one Valido per Finestra and Comune.</summary>
internal sealed class InvioConfiguration : IEntityTypeConfiguration<Invio>
{
    public void Configure(EntityTypeBuilder<Invio> e)
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
    }
}
