using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Graduatorie.Model;

namespace Portal.Graduatorie.Data;

/// <summary>Table graduatorie_posizione: the places of a Graduatoria, unique by position and by code.</summary>
internal sealed class GraduatoriaPosizioneConfiguration : IEntityTypeConfiguration<GraduatoriaPosizione>
{
    public void Configure(EntityTypeBuilder<GraduatoriaPosizione> e)
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
    }
}
