using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Monitoraggio.Data;

internal sealed class FlussoBloccoConfiguration : IEntityTypeConfiguration<FlussoBlocco>
{
    public void Configure(EntityTypeBuilder<FlussoBlocco> e)
    {
        e.ToTable("monitoraggio_flusso_blocco");
        e.HasKey(x => new { x.FlussoId, x.Seq });
    }
}
