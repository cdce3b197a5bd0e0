using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Anagrafica.Model;

namespace Portal.Anagrafica.Data;

internal sealed class StatoEsteroConfiguration : IEntityTypeConfiguration<StatoEstero>
{
    public void Configure(EntityTypeBuilder<StatoEstero> e)
    {
        e.ToTable("anagrafica_stato");
        e.HasKey(x => x.Codice);
        e.Property(x => x.Codice).HasMaxLength(3);
        e.Property(x => x.Denominazione).HasMaxLength(100);
        e.Property(x => x.CodiceCatastale).HasMaxLength(4);
        e.HasIndex(x => x.CodiceCatastale);
    }
}
