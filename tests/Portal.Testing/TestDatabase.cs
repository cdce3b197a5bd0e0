using Npgsql;
using Portal.Core.Data;

namespace Portal.Testing;

/// <summary>
/// A throwaway database for one test host: a SQLite file in a temp folder, or a fresh database on the
/// PostgreSQL server the test script started (PORTAL_TEST_POSTGRES), chosen by PORTAL_TEST_PROVIDER.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _file;
    private readonly string? _name;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? file, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _file = file;
        _name = name;
    }

    public static DatabaseProvider SelectedProvider =>
        Environment.GetEnvironmentVariable("PORTAL_TEST_PROVIDER")?.Equals("Postgres", StringComparison.OrdinalIgnoreCase) == true
            ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static TestDatabase Create(DatabaseProvider? provider = null)
    {
        if ((provider ?? SelectedProvider) == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES")
                ?? throw new InvalidOperationException("PORTAL_TEST_PROVIDER=Postgres richiede PORTAL_TEST_POSTGRES (lo imposta scripts/test.sh).");
            var name = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
            using (var conn = new NpgsqlConnection(server))
            {
                conn.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
                cmd.ExecuteNonQuery();
            }
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            return new TestDatabase(DatabaseProvider.Postgres, cs, null, name);
        }
        var dir = Path.Combine(Path.GetTempPath(), "portal-tests");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", file, null);
    }

    public void Dispose()
    {
        if (_file is not null)
        {
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                try { File.Delete(f); } catch (IOException) { }
            }
        }
        if (_name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var server = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES")!;
            using var conn = new NpgsqlConnection(server);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
    }
}
