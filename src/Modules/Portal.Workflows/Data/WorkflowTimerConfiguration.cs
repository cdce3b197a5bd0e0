using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Workflows.Model;

namespace Portal.Workflows.Data;

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> e)
    {
        e.ToTable("workflows_timer");
        e.HasKey(x => x.Id);
        e.Property(x => x.State).HasMaxLength(80);
        e.Property(x => x.Transition).HasMaxLength(80);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Error).HasMaxLength(1000);
        e.HasIndex(x => new { x.Status, x.DueUtc });
        e.HasIndex(x => x.InstanceId);
        e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
