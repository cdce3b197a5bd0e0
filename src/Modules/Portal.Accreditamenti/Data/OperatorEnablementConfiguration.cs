using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Accreditamenti.Model;

namespace Portal.Accreditamenti.Data;

internal sealed class OperatorEnablementConfiguration : IEntityTypeConfiguration<OperatorEnablement>
{
    public void Configure(EntityTypeBuilder<OperatorEnablement> e)
    {
        e.ToTable("accreditamenti_enablement");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.AssignmentId).IsUnique();
        e.HasIndex(x => x.PersonId);
        e.Property(x => x.CodiceFiscale).HasMaxLength(16);
        e.Property(x => x.RoleName).HasMaxLength(64);
        e.Property(x => x.ScopeType).HasMaxLength(32);
        e.Property(x => x.ScopeValue).HasMaxLength(64);
        e.Property(x => x.RequestedBy).HasMaxLength(200);
        e.Property(x => x.EnabledBy).HasMaxLength(200);
        e.Property(x => x.EnableReason).HasMaxLength(500);
        e.Property(x => x.DisabledBy).HasMaxLength(200);
        e.Property(x => x.DisableReason).HasMaxLength(500);
    }
}
