using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Workflows.Model;

namespace Portal.Workflows.Data;

internal sealed class StoredDefinitionConfiguration : IEntityTypeConfiguration<StoredDefinition>
{
    public void Configure(EntityTypeBuilder<StoredDefinition> e)
    {
        e.ToTable("workflows_definition");
        e.HasKey(x => x.Id);
        e.Property(x => x.Code).HasMaxLength(80);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.SubjectType).HasMaxLength(80);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.Code, x.Version }).IsUnique();
    }
}
