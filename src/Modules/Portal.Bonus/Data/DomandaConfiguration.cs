using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Bonus.Data;

/// <summary>
/// Table bonus_domanda. At most one open application (not cancelled, not renounced) per person and call, and an
/// Idempotency-Key is used once per person: both are unique indexes, so concurrent requests cannot break them.
/// </summary>
internal sealed class DomandaConfiguration : IEntityTypeConfiguration<Domanda>
{
    public void Configure(EntityTypeBuilder<Domanda> e)
    {
        e.ToTable("bonus_domanda");
        e.HasKey(x => x.Id);
        e.Property(x => x.Stato).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.Property(x => x.CodiceFiscale).HasMaxLength(16);
        e.Property(x => x.Nome).HasMaxLength(100);
        e.Property(x => x.Cognome).HasMaxLength(100);
        e.Property(x => x.ComuneResidenzaIstat).HasMaxLength(6);
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.Telefono).HasMaxLength(30);
        e.Property(x => x.Ruolo).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.IseeTipo).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.IseeValore).HasPrecision(12, 2);
        e.Property(x => x.IseeProtocolloDsu).HasMaxLength(40);
        e.Property(x => x.IseeFileName).HasMaxLength(255);
        e.Property(x => x.IseeFileSha256).HasMaxLength(64);
        e.Property(x => x.Condizione).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.CondizioneFonte).HasMaxLength(300);
        e.Property(x => x.Dispositivo).HasMaxLength(40);
        e.Property(x => x.ImportoRichiesto).HasPrecision(12, 2);
        e.Property(x => x.Dichiarazioni).HasMaxLength(1000);
        e.Property(x => x.IdempotencyKey).HasMaxLength(100);
        e.Property(x => x.NucleoSegnalazione).HasMaxLength(2000);
        e.Property(x => x.AnnullamentoMotivoRichiesta).HasMaxLength(1000);
        e.Property(x => x.AnnullamentoMotivo).HasMaxLength(1000);
        e.Property(x => x.AnnullataDa).HasMaxLength(200);
        e.Property(x => x.Punteggio).HasPrecision(6, 2);
        e.Property(x => x.EsitoMotivo).HasMaxLength(2000);
        e.Ignore(x => x.DichiarazioniAccettate);
        e.HasIndex(x => new { x.PersonId, x.BandoId });
        e.HasIndex(x => new { x.PersonId, x.BandoId }).IsUnique()
            .HasFilter("\"Stato\" NOT IN ('AnnullataSuRichiesta', 'Rinunciata')").HasDatabaseName("ux_bonus_domanda_aperta");
        e.HasIndex(x => new { x.PersonId, x.IdempotencyKey }).IsUnique().HasDatabaseName("ux_bonus_domanda_idempotency");
        e.HasIndex(x => new { x.BandoId, x.CodiceFiscale });
        e.HasIndex(x => new { x.BandoId, x.InviataUtc });
        e.HasMany(x => x.Componenti).WithOne().HasForeignKey(c => c.DomandaId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Figli).WithOne().HasForeignKey(c => c.DomandaId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Bando>().WithMany().HasForeignKey(x => x.BandoId).OnDelete(DeleteBehavior.Restrict);
    }
}
