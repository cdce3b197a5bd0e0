using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Protocol;

namespace Portal.Protocol.Data;

internal sealed class ProtocolEntryConfiguration : IEntityTypeConfiguration<ProtocolEntry>
{
    public void Configure(EntityTypeBuilder<ProtocolEntry> e)
    {
        // Table names keep Core's prefix: the tables were created by Core's migrations before the register became a module.
        e.ToTable("core_protocol_entry");
        e.HasKey(x => x.Id);
        e.Property(x => x.Aoo).HasMaxLength(20);
        e.Property(x => x.SubjectType).HasMaxLength(64);
        e.Property(x => x.SubjectId).HasMaxLength(64);
        e.Property(x => x.Description).HasMaxLength(300);
        e.Ignore(x => x.Segnatura);
        e.HasIndex(x => new { x.Aoo, x.Year, x.Number }).IsUnique();
        e.HasIndex(x => new { x.SubjectType, x.SubjectId }).IsUnique();
    }
}
