using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Workflows.Model;

namespace Portal.Workflows.Data;

internal sealed class RichiestaDiProvaConfiguration : IEntityTypeConfiguration<RichiestaDiProva>
{
    public void Configure(EntityTypeBuilder<RichiestaDiProva> e)
    {
        e.ToTable("workflows_demo_richiesta");
        e.HasKey(x => x.Id);
        e.Property(x => x.Oggetto).HasMaxLength(200);
        e.HasIndex(x => x.PersonId);
    }
}
