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
