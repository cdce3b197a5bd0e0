using Microsoft.EntityFrameworkCore;
using Portal.Identity.Data;
using Portal.Identity.Model;

namespace Portal.Identity.Tests;

public class MigrationTests
{
    [Fact]
    public void The_migrations_of_both_providers_match_the_model()
    {
        using var sqlite = new IdentitySqliteDesignFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges());
        using var postgres = new IdentityPostgresDesignFactory().CreateDbContext([]);
        Assert.False(postgres.Database.HasPendingModelChanges());
    }
}
