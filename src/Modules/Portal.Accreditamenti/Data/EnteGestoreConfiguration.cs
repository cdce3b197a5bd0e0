using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Accreditamenti.Model;

namespace Portal.Accreditamenti.Data;

internal sealed class EnteGestoreConfiguration : IEntityTypeConfiguration<EnteGestore>
{
    public void Configure(EntityTypeBuilder<EnteGestore> e)
    {
        e.ToTable("accreditamenti_ente");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.Denominazione).HasMaxLength(200);
        e.Property(x => x.CodiceFiscale).HasMaxLength(16);
        e.Property(x => x.Email).HasMaxLength(254);
    }
}
