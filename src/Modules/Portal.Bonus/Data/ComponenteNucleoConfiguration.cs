using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Bonus.Data;

/// <summary>Table bonus_componente: the household members; indexed by CF for the one-per-household rule.</summary>
internal sealed class ComponenteNucleoConfiguration : IEntityTypeConfiguration<ComponenteNucleo>
{
    public void Configure(EntityTypeBuilder<ComponenteNucleo> e)
    {
        e.ToTable("bonus_componente");
        e.HasKey(x => x.Id);
        e.Property(x => x.CodiceFiscale).HasMaxLength(16);
        e.Property(x => x.Nome).HasMaxLength(100);
        e.Property(x => x.Cognome).HasMaxLength(100);
        e.Property(x => x.Relazione).HasConversion<string>().HasMaxLength(12);
        e.HasIndex(x => x.CodiceFiscale);
    }
}
