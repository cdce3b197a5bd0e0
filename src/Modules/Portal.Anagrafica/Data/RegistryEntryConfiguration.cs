using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Anagrafica.Model;

namespace Portal.Anagrafica.Data;

internal sealed class RegistryEntryConfiguration : IEntityTypeConfiguration<RegistryEntry>
{
    public void Configure(EntityTypeBuilder<RegistryEntry> e)
    {
        e.ToTable("anagrafica_registro");
        e.HasKey(x => x.CodiceFiscale);
        e.Property(x => x.CodiceFiscale).HasMaxLength(16);
        e.Property(x => x.Cognome).HasMaxLength(100);
        e.Property(x => x.Nome).HasMaxLength(100);
        e.Property(x => x.ResidenzaVia).HasMaxLength(200);
        e.Property(x => x.ResidenzaCivico).HasMaxLength(20);
        e.Property(x => x.ResidenzaCap).HasMaxLength(5);
        e.Property(x => x.ResidenzaComuneIstat).HasMaxLength(6);
        e.Property(x => x.Telefono).HasMaxLength(20);
        e.Property(x => x.Cellulare).HasMaxLength(20);
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.StatoCivile).HasMaxLength(32);
        e.Property(x => x.Cittadinanza).HasMaxLength(32);
        e.Property(x => x.TitoloStudio).HasMaxLength(32);
    }
}
