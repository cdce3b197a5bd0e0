using Microsoft.EntityFrameworkCore;
using Portal.Notifications.Data;

namespace Portal.Notifications.Tests;

public class ModelTests
{
    [Fact]
    public void The_migrations_of_both_providers_match_the_model()
    {
        using var sqlite = new NotificationsSqliteDesignFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges());
        using var postgres = new NotificationsPostgresDesignFactory().CreateDbContext([]);
        Assert.False(postgres.Database.HasPendingModelChanges());
    }
}
