using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Did.Data;

internal sealed class CpiComuneConfiguration : IEntityTypeConfiguration<CpiComune>
{
    public void Configure(EntityTypeBuilder<CpiComune> e)
    {
        e.ToTable("did_cpi_comune");
        // The key makes "every Comune in exactly one CPI" a property of the table.
        e.HasKey(x => x.ComuneIstat);
        e.Property(x => x.ComuneIstat).HasMaxLength(6);
        e.Property(x => x.CpiCode).HasMaxLength(40);
        e.HasIndex(x => x.CpiCode);
    }
}
