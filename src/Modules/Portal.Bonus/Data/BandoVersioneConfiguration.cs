using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Bonus.Data;

/// <summary>Table bonus_bando_versione: the history of a call's rules.</summary>
internal sealed class BandoVersioneConfiguration : IEntityTypeConfiguration<BandoVersione>
{
    public void Configure(EntityTypeBuilder<BandoVersione> e)
    {
        e.ToTable("bonus_bando_versione");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.BandoId, x.Versione }).IsUnique();
        e.Property(x => x.Titolo).HasMaxLength(300);
        e.Property(x => x.Motivo).HasMaxLength(1000);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.Regole).HasConversion(RegoleJson.Converter, RegoleJson.Comparer);
    }
}
