using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Did.Data;

internal sealed class SituazioneOccupazionaleConfiguration : IEntityTypeConfiguration<SituazioneOccupazionale>
{
    public void Configure(EntityTypeBuilder<SituazioneOccupazionale> e)
    {
        e.ToTable("did_situazione");
        e.HasKey(x => x.CodiceFiscale);
        e.Property(x => x.CodiceFiscale).HasMaxLength(16);
        e.Property(x => x.Cognome).HasMaxLength(200);
        e.Property(x => x.Nome).HasMaxLength(200);
        e.Property(x => x.Stato).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.CpiCode).HasMaxLength(40);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.HasIndex(x => x.CpiCode);
    }
}
