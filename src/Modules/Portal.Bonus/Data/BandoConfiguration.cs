using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Bonus.Data;

/// <summary>Table bonus_bando: one row per call, unique by code; the rules as JSON.</summary>
internal sealed class BandoConfiguration : IEntityTypeConfiguration<Bando>
{
    public void Configure(EntityTypeBuilder<Bando> e)
    {
        e.ToTable("bonus_bando");
        e.HasKey(x => x.Id);
        e.Property(x => x.Codice).HasMaxLength(40);
        e.HasIndex(x => x.Codice).IsUnique();
        e.Property(x => x.Titolo).HasMaxLength(300);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Versione).IsConcurrencyToken();
        e.Property(x => x.Regole).HasConversion(RegoleJson.Converter, RegoleJson.Comparer);
    }
}
