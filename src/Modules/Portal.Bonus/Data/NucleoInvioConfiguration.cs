using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Bonus.Data;

/// <summary>Table bonus_nucleo_invio: primary key (BandoId, CodiceFiscale), so two concurrent sendings cannot both hold a CF.</summary>
internal sealed class NucleoInvioConfiguration : IEntityTypeConfiguration<NucleoInvio>
{
    public const string Table = "bonus_nucleo_invio";

    public void Configure(EntityTypeBuilder<NucleoInvio> e)
    {
        e.ToTable(Table);
        e.HasKey(x => new { x.BandoId, x.CodiceFiscale });
        e.Property(x => x.CodiceFiscale).HasMaxLength(16);
        e.HasIndex(x => x.DomandaId);
        e.HasOne<Domanda>().WithMany().HasForeignKey(x => x.DomandaId).OnDelete(DeleteBehavior.Cascade);
    }
}
