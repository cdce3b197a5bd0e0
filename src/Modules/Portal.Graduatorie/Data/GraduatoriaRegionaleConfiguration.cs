using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Graduatorie.Model;

namespace Portal.Graduatorie.Data;

/// <summary>Table graduatorie_regionale: one Graduatoria per Finestra.</summary>
internal sealed class GraduatoriaRegionaleConfiguration : IEntityTypeConfiguration<GraduatoriaRegionale>
{
    public void Configure(EntityTypeBuilder<GraduatoriaRegionale> e)
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
    }
}
