using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Bonus.Data;

/// <summary>Table bonus_figlio: the student children.</summary>
internal sealed class FiglioStudenteConfiguration : IEntityTypeConfiguration<FiglioStudente>
{
    public void Configure(EntityTypeBuilder<FiglioStudente> e)
    {
        e.ToTable("bonus_figlio");
        e.HasKey(x => x.Id);
        e.Property(x => x.CodiceFiscale).HasMaxLength(16);
        e.Property(x => x.Nome).HasMaxLength(100);
        e.Property(x => x.Cognome).HasMaxLength(100);
        e.Property(x => x.Livello).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Istituto).HasMaxLength(300);
    }
}
