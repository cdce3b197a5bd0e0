using Microsoft.EntityFrameworkCore;
using Portal.Anagrafica.Data;

namespace Portal.Anagrafica.Tests;

public class ModelTests
{
    [Fact]
    public void The_migrations_of_both_providers_match_the_model()
    {
        using var sqlite = new AnagraficaSqliteDesignFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges());
        using var postgres = new AnagraficaPostgresDesignFactory().CreateDbContext([]);
        Assert.False(postgres.Database.HasPendingModelChanges());
    }
}
