using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Monitoraggio.Data;

internal sealed class MisuraConfiguration : IEntityTypeConfiguration<Misura>
{
    public void Configure(EntityTypeBuilder<Misura> e)
    {
        e.ToTable("monitoraggio_misura");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(20);
        e.Property(x => x.Descrizione).HasMaxLength(300);
    }
}
