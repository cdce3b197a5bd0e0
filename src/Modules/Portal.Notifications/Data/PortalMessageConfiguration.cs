using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Notifications.Model;

namespace Portal.Notifications.Data;

internal sealed class PortalMessageConfiguration : IEntityTypeConfiguration<PortalMessage>
{
    public void Configure(EntityTypeBuilder<PortalMessage> e)
    {
        e.ToTable("notifications_message");
        e.HasKey(x => x.Id);
        e.Property(x => x.TemplateCode).HasMaxLength(64);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Body).HasMaxLength(16000);
        e.Property(x => x.IdempotencyKey).HasMaxLength(300);
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        e.HasIndex(x => new { x.PersonId, x.CreatedUtc });
    }
}
