using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Monitoraggio.Data;

/// <summary>The bulk upsert (PraticheWriter) writes this table by its column names: keep them in step.</summary>
internal sealed class PraticaConfiguration : IEntityTypeConfiguration<Pratica>
{
    public void Configure(EntityTypeBuilder<Pratica> e)
    {
        e.ToTable("monitoraggio_pratica");
        e.HasKey(x => new { x.EnteCode, x.IdPratica });
        e.Property(x => x.EnteCode).HasMaxLength(50);
        e.Property(x => x.IdPratica).HasMaxLength(100);
        e.Property(x => x.CfPiva).HasMaxLength(16);
        e.Property(x => x.Denominazione).HasMaxLength(200);
        e.Property(x => x.ComuneIstat).HasMaxLength(6);
        e.Property(x => x.SiglaProvincia).HasMaxLength(4);
        e.Property(x => x.Misura).HasMaxLength(20);
        e.Property(x => x.Stato).HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(500);
        // Report filters and groupings run in the database, over the primary key (ente) or a scan: a measure or a province
        // selects 10-25% of the practices, where PostgreSQL reads the table anyway (EXPLAIN ANALYZE at 1M rows: a bitmap
        // scan on (Misura, Stato) was slower than the sequential one), while every feed pays for each index on its COPY.
    }
}
