using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Data;

/// <summary>Options used only by `dotnet ef migrations add` (design-time factories of each module).</summary>
public static class DesignTimeOptions
{
    public static DbContextOptions<T> Sqlite<T>(string historyTable) where T : DbContext =>
        new DbContextOptionsBuilder<T>()
            .UseSqlite("Data Source=design.db", b => b.MigrationsHistoryTable(historyTable)).Options;

    public static DbContextOptions<T> Postgres<T>(string historyTable) where T : DbContext =>
        new DbContextOptionsBuilder<T>()
            .UseNpgsql("Host=localhost;Database=design", b => b.MigrationsHistoryTable(historyTable)).Options;
}
