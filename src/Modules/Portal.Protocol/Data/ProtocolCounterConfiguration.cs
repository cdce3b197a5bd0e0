using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Protocol;

namespace Portal.Protocol.Data;

internal sealed class ProtocolCounterConfiguration : IEntityTypeConfiguration<ProtocolCounter>
{
    public void Configure(EntityTypeBuilder<ProtocolCounter> e)
    {
        e.ToTable("core_protocol_counter");
        e.HasKey(x => new { x.Aoo, x.Year });
        e.Property(x => x.Aoo).HasMaxLength(20);
    }
}
