using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;
using Portal.Notifications.Model;

namespace Portal.Notifications.Data;

public class NotificationsDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_notifications";

    public DbSet<NotificationTemplate> Templates => Set<NotificationTemplate>();
    public DbSet<PortalMessage> Messages => Set<PortalMessage>();
    public DbSet<SentMail> Mails => Set<SentMail>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<NotificationTemplate>(e =>
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
        });
        b.Entity<PortalMessage>(e =>
        {
            e.ToTable("notifications_message");
            e.HasKey(x => x.Id);
            e.Property(x => x.TemplateCode).HasMaxLength(64);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.Body).HasMaxLength(16000);
            e.Property(x => x.IdempotencyKey).HasMaxLength(300);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => new { x.PersonId, x.CreatedUtc });
        });
        b.Entity<SentMail>(e =>
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
        });
    }
}

public sealed class NotificationsSqliteDbContext(DbContextOptions<NotificationsSqliteDbContext> options) : NotificationsDbContext(options);

public sealed class NotificationsPostgresDbContext(DbContextOptions<NotificationsPostgresDbContext> options) : NotificationsDbContext(options);

public sealed class NotificationsSqliteDesignFactory : IDesignTimeDbContextFactory<NotificationsSqliteDbContext>
{
    public NotificationsSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<NotificationsSqliteDbContext>(NotificationsDbContext.HistoryTable));
}

public sealed class NotificationsPostgresDesignFactory : IDesignTimeDbContextFactory<NotificationsPostgresDbContext>
{
    public NotificationsPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<NotificationsPostgresDbContext>(NotificationsDbContext.HistoryTable));
}
