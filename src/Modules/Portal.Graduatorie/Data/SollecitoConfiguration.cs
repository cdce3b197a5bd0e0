using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Graduatorie.Model;

namespace Portal.Graduatorie.Data;

/// <summary>Table graduatorie_sollecito: the reminders sent, one per operator, Comune, Finestra and day.</summary>
internal sealed class SollecitoConfiguration : IEntityTypeConfiguration<Sollecito>
{
    public void Configure(EntityTypeBuilder<Sollecito> e)
    {
        e.ToTable("graduatorie_sollecito");
        e.HasKey(x => x.Id);
        e.Property(x => x.ComuneIstat).HasMaxLength(6);
        e.Property(x => x.SentBy).HasMaxLength(200);
        // One reminder per operator, Comune, Finestra and day: a double click cannot send twice.
        e.HasIndex(x => new { x.FinestraId, x.Giorno, x.ComuneIstat, x.PersonId }).IsUnique();
    }
}
