using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Graduatorie.Model;

namespace Portal.Graduatorie.Data;

/// <summary>Table graduatorie_invio_riga: the parsed rows of an upload that was not rejected.</summary>
internal sealed class InvioRigaConfiguration : IEntityTypeConfiguration<InvioRiga>
{
    public void Configure(EntityTypeBuilder<InvioRiga> e)
    {
        e.ToTable("graduatorie_invio_riga");
        e.HasKey(x => x.Id);
        e.Property(x => x.CfStudente).HasMaxLength(16);
        e.Property(x => x.CfRichiedente).HasMaxLength(16);
        e.Property(x => x.CognomeStudente).HasMaxLength(200);
        e.Property(x => x.NomeStudente).HasMaxLength(200);
        e.Property(x => x.CognomeRichiedente).HasMaxLength(200);
        e.Property(x => x.NomeRichiedente).HasMaxLength(200);
        e.Property(x => x.CodiceMeccanografico).HasMaxLength(20);
        e.Property(x => x.ValoreIsee).HasPrecision(12, 2);
        e.Property(x => x.Note).HasMaxLength(200);
        e.HasIndex(x => new { x.InvioId, x.Row });
        e.HasIndex(x => x.CfStudente);
        e.HasOne<Invio>().WithMany().HasForeignKey(x => x.InvioId).OnDelete(DeleteBehavior.Cascade);
    }
}
