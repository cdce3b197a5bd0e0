using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Did.Data;

internal sealed class DichiarazioneConfiguration : IEntityTypeConfiguration<Dichiarazione>
{
    public void Configure(EntityTypeBuilder<Dichiarazione> e)
    {
        e.ToTable("did_dichiarazione");
        e.HasKey(x => x.Id);
        e.Property(x => x.CodiceFiscale).HasMaxLength(16);
        e.Property(x => x.Cognome).HasMaxLength(200);
        e.Property(x => x.Nome).HasMaxLength(200);
        e.Property(x => x.ComuneIstat).HasMaxLength(6);
        e.Property(x => x.CpiCode).HasMaxLength(40);
        e.Property(x => x.Stato).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.IdempotencyKey).HasMaxLength(100);
        e.Property(x => x.PendingKey).HasMaxLength(40);
        e.Property(x => x.AppuntamentoLuogo).HasMaxLength(300);
        e.Property(x => x.GiustificatoMotivo).HasMaxLength(1000);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.PersonId, x.IdempotencyKey }).IsUnique();
        e.HasIndex(x => x.PendingKey).IsUnique();
        e.HasIndex(x => new { x.CpiCode, x.SentUtc });
        e.HasIndex(x => x.CodiceFiscale);
    }
}
