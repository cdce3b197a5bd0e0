using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Graduatorie.Model;

namespace Portal.Graduatorie.Data;

/// <summary>Table graduatorie_chiave_pseudonimi: the one row with the secret of the pseudonymous codes.</summary>
internal sealed class ChiavePseudonimiConfiguration : IEntityTypeConfiguration<ChiavePseudonimi>
{
    public void Configure(EntityTypeBuilder<ChiavePseudonimi> e)
    {
        e.ToTable("graduatorie_chiave_pseudonimi");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
    }
}
