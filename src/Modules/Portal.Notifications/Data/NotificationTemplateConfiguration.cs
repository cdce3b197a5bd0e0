using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Notifications.Model;

namespace Portal.Notifications.Data;

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> e)
    {
        e.ToTable("notifications_template");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Description).HasMaxLength(300);
        e.Property(x => x.Subject).HasMaxLength(200);
        e.Property(x => x.Body).HasMaxLength(8000);
        e.Property(x => x.Placeholders).HasMaxLength(1000);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.Ignore(x => x.PlaceholderList);
    }
}
