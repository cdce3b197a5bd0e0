using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Workflows.Model;

namespace Portal.Workflows.Data;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> e)
    {
        e.ToTable("workflows_instance");
        e.HasKey(x => x.Id);
        e.Property(x => x.DefinitionCode).HasMaxLength(80);
        e.Property(x => x.SubjectType).HasMaxLength(80);
        e.Property(x => x.SubjectId).HasMaxLength(80);
        e.Property(x => x.State).HasMaxLength(80);
        e.Property(x => x.Scope).HasMaxLength(120);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => new { x.SubjectType, x.SubjectId }).IsUnique();
        e.HasIndex(x => new { x.DefinitionCode, x.State });
    }
}
