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
        b.ApplyConfiguration(new NotificationTemplateConfiguration());
        b.ApplyConfiguration(new PortalMessageConfiguration());
        b.ApplyConfiguration(new SentMailConfiguration());
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
