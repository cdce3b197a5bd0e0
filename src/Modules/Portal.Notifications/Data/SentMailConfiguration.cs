using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Notifications.Model;

namespace Portal.Notifications.Data;

internal sealed class SentMailConfiguration : IEntityTypeConfiguration<SentMail>
{
    public void Configure(EntityTypeBuilder<SentMail> e)
    {
        e.ToTable("notifications_mail");
        e.HasKey(x => x.Id);
        e.Property(x => x.IdempotencyKey).HasMaxLength(300);
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        e.Property(x => x.TemplateCode).HasMaxLength(64);
        e.Property(x => x.Recipient).HasMaxLength(254);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Body).HasMaxLength(16000);
        e.Property(x => x.MessageId).HasMaxLength(200);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.LastError).HasMaxLength(2000);
        e.HasIndex(x => x.CreatedUtc);
        e.HasIndex(x => new { x.State, x.CreatedUtc });
    }
}
