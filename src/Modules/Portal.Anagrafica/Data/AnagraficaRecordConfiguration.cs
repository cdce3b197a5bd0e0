using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Anagrafica.Model;

namespace Portal.Anagrafica.Data;

internal sealed class AnagraficaRecordConfiguration : IEntityTypeConfiguration<AnagraficaRecord>
{
    public void Configure(EntityTypeBuilder<AnagraficaRecord> e)
    {
        e.ToTable("anagrafica_scheda");
        e.HasKey(x => x.PersonId);
        e.Property(x => x.CodiceFiscale).HasMaxLength(16);
        e.HasIndex(x => x.CodiceFiscale).IsUnique();
        e.Property(x => x.Cognome).HasMaxLength(100);
        e.Property(x => x.Nome).HasMaxLength(100);
        e.Property(x => x.LuogoNascitaCodice).HasMaxLength(4);
        e.Property(x => x.LuogoNascita).HasMaxLength(200);
        e.OwnsOne(x => x.Residenza, Address("residenza"));
        e.Navigation(x => x.Residenza).IsRequired();
        e.OwnsOne(x => x.Domicilio, Address("domicilio"));
        e.Navigation(x => x.Domicilio).IsRequired();
        e.Property(x => x.Telefono).HasMaxLength(20);
        e.Property(x => x.Cellulare).HasMaxLength(20);
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.Pec).HasMaxLength(254);
        e.Property(x => x.StatoCivile).HasMaxLength(32);
        e.Property(x => x.Cittadinanza).HasMaxLength(32);
        e.Property(x => x.TitoloSoggiornoTipo).HasMaxLength(32);
        e.Property(x => x.TitoloSoggiornoNumero).HasMaxLength(30);
        e.Property(x => x.TitoloStudio).HasMaxLength(32);
        e.Property(x => x.LastSavedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
    }

    /// <summary>An address stored in the record's own row, its columns prefixed ("residenza_via"...).</summary>
    private static Action<OwnedNavigationBuilder<AnagraficaRecord, Indirizzo>> Address(string prefix) => a =>
    {
        a.Property(x => x.Via).HasColumnName(prefix + "_via").HasMaxLength(200);
        a.Property(x => x.Civico).HasColumnName(prefix + "_civico").HasMaxLength(20);
        a.Property(x => x.Cap).HasColumnName(prefix + "_cap").HasMaxLength(5);
        a.Property(x => x.ComuneIstat).HasColumnName(prefix + "_comune").HasMaxLength(6);
    };
}
