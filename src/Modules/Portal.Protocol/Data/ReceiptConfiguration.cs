using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Receipts;

namespace Portal.Protocol.Data;

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> e)
    {
        e.ToTable("core_receipt");
        e.HasKey(x => x.Id);
        e.Property(x => x.Code).HasMaxLength(16);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.SubjectType).HasMaxLength(64);
        e.Property(x => x.SubjectId).HasMaxLength(64);
        e.Property(x => x.Segnatura).HasMaxLength(40);
        e.HasIndex(x => new { x.SubjectType, x.SubjectId }).IsUnique();
        e.HasIndex(x => x.OwnerPersonId);
    }
}
