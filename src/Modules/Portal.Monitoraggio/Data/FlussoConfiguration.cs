using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Monitoraggio.Data;

internal sealed class FlussoConfiguration : IEntityTypeConfiguration<Flusso>
{
    public void Configure(EntityTypeBuilder<Flusso> e)
    {
        e.ToTable("monitoraggio_flusso");
        e.HasKey(x => x.Id);
        e.Property(x => x.EnteCode).HasMaxLength(50);
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Stato).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Canale).HasMaxLength(10);
        e.Property(x => x.OperatorName).HasMaxLength(200);
        e.Property(x => x.OperatorCf).HasMaxLength(16);
        e.Property(x => x.DecisoDa).HasMaxLength(200);
        e.Property(x => x.Esito).HasMaxLength(1000);
        e.HasIndex(x => new { x.EnteCode, x.CreatedUtc });
    }
}
