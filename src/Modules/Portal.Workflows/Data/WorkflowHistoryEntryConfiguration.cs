using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Workflows.Model;

namespace Portal.Workflows.Data;

internal sealed class WorkflowHistoryEntryConfiguration : IEntityTypeConfiguration<WorkflowHistoryEntry>
{
    public void Configure(EntityTypeBuilder<WorkflowHistoryEntry> e)
    {
        e.ToTable("workflows_history");
        e.HasKey(x => x.Id);
        e.Property(x => x.Transition).HasMaxLength(80);
        e.Property(x => x.FromState).HasMaxLength(80);
        e.Property(x => x.ToState).HasMaxLength(80);
        e.Property(x => x.ActorName).HasMaxLength(200);
        e.Property(x => x.ActorRole).HasMaxLength(80);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.HasIndex(x => new { x.InstanceId, x.Utc });
        e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
