using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Monitoraggio.Data;

internal sealed class PraticaStoricoConfiguration : IEntityTypeConfiguration<PraticaStorico>
{
    public void Configure(EntityTypeBuilder<PraticaStorico> e)
    {
        e.ToTable("monitoraggio_pratica_storico");
        e.HasKey(x => new { x.EnteCode, x.IdPratica, x.DataRiferimento });
        e.Property(x => x.EnteCode).HasMaxLength(50);
        e.Property(x => x.IdPratica).HasMaxLength(100);
        e.Property(x => x.Stato).HasMaxLength(20);
        e.Property(x => x.Misura).HasMaxLength(20);
        e.Property(x => x.SiglaProvincia).HasMaxLength(4);
        // Rows arrive in DATA_RIFERIMENTO order (one date per feed): on PostgreSQL a BRIN index (a few pages) selects the period
        // as well as a b-tree that every feed would have to grow by a million entries; SQLite has no BRIN and keeps its b-tree.
        // autosummarize: the page ranges a feed fills are summarized by autovacuum soon after, not at the next VACUUM.
        e.HasIndex(x => x.DataRiferimento).HasMethod("brin").HasStorageParameter("autosummarize", true);
    }
}
