using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Graduatorie.Model;

namespace Portal.Graduatorie.Data;

/// <summary>Table graduatorie_invio_segnalazione: the validator findings kept with an upload.</summary>
internal sealed class InvioSegnalazioneConfiguration : IEntityTypeConfiguration<InvioSegnalazione>
{
    public void Configure(EntityTypeBuilder<InvioSegnalazione> e)
    {
        e.ToTable("graduatorie_invio_segnalazione");
        e.HasKey(x => x.Id);
        e.Property(x => x.Code).HasMaxLength(8);
        e.Property(x => x.Severity).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Column).HasMaxLength(100);
        e.Property(x => x.Value).HasMaxLength(500);
        e.Property(x => x.Message).HasMaxLength(1000);
        e.HasIndex(x => x.InvioId);
    }
}
