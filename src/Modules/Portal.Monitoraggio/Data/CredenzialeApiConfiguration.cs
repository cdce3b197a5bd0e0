using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Monitoraggio.Data;

internal sealed class CredenzialeApiConfiguration : IEntityTypeConfiguration<CredenzialeApi>
{
    public void Configure(EntityTypeBuilder<CredenzialeApi> e)
    {
        e.ToTable("monitoraggio_credenziale_api");
        e.HasKey(x => x.Id);
        e.Property(x => x.EnteCode).HasMaxLength(50);
        e.Property(x => x.Etichetta).HasMaxLength(100);
        e.Property(x => x.TokenHash).HasMaxLength(32);
        e.Property(x => x.Prefisso).HasMaxLength(20);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.RevokedBy).HasMaxLength(200);
        e.Ignore(x => x.Attiva);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => new { x.EnteCode, x.CreatedUtc });
    }
}
