using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Monitoraggio.Data;

internal sealed class FlussoSegnalazioneConfiguration : IEntityTypeConfiguration<FlussoSegnalazione>
{
    public void Configure(EntityTypeBuilder<FlussoSegnalazione> e)
    {
        e.ToTable("monitoraggio_flusso_segnalazione");
        e.HasKey(x => x.Id);
        e.Property(x => x.Campo).HasMaxLength(40);
        e.Property(x => x.Valore).HasMaxLength(300);
        e.Property(x => x.Codice).HasMaxLength(8);
        e.Property(x => x.Messaggio).HasMaxLength(1000);
        e.HasIndex(x => new { x.FlussoId, x.Riga });
    }
}
