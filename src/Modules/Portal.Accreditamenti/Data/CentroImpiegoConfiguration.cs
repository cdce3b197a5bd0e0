using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Accreditamenti.Model;

namespace Portal.Accreditamenti.Data;

internal sealed class CentroImpiegoConfiguration : IEntityTypeConfiguration<CentroImpiego>
{
    public void Configure(EntityTypeBuilder<CentroImpiego> e)
    {
        e.ToTable("accreditamenti_cpi");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.Nome).HasMaxLength(200);
        e.Property(x => x.SiglaProvincia).HasMaxLength(2);
    }
}
