using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.AuditTrail.Model;

namespace Portal.AuditTrail.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        // Core's prefix: the table was created by Core's migrations before the trail became a module.
        e.ToTable("core_audit");
        e.HasKey(x => x.Id);
        e.Property(x => x.Action).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.ActorName).HasMaxLength(200);
        e.Property(x => x.ActorRole).HasMaxLength(64);
        e.Property(x => x.IpAddress).HasMaxLength(64);
        e.HasIndex(x => x.Utc);
        e.HasIndex(x => x.Action);
    }
}
