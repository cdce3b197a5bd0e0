using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Core.Data;

namespace Portal.Testing;

/// <summary>
/// A throwaway database for one test host: a SQLite file in a temp folder, or a fresh database on the
/// PostgreSQL server the test script started (PORTAL_TEST_POSTGRES), chosen by PORTAL_TEST_PROVIDER.
/// It can be filled from, or copied into, another one (see <see cref="InitialisedDatabases"/>).
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

    public static TestDatabase Create(DatabaseProvider? provider = null) => Create(provider ?? SelectedProvider, template: null);

    private static TestDatabase Create(DatabaseProvider provider, string? template)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var name = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
            OnServer(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
            var cs = new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
            return new TestDatabase(DatabaseProvider.Postgres, cs, null, name);
        }
        var dir = Path.Combine(Path.GetTempPath(), "portal-tests");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", file, null);
    }

    private static string Server => Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PORTAL_TEST_PROVIDER=Postgres richiede PORTAL_TEST_POSTGRES (lo imposta scripts/test.sh).");

    /// <summary>Runs a statement on the PostgreSQL server's maintenance database (creating and dropping databases).</summary>
    private static void OnServer(string sql)
    {
        using var conn = new NpgsqlConnection(Server);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Whether nothing has been written here yet (no table on PostgreSQL, no file or an empty one on SQLite).</summary>
    internal bool IsEmpty()
    {
        if (_file is not null) return !File.Exists(_file) || new FileInfo(_file).Length == 0;
        using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema'))", conn);
        return !(bool)cmd.ExecuteScalar()!;
    }

    /// <summary>
    /// A new database holding what this one holds now. On PostgreSQL nobody may be connected to this one meanwhile:
    /// the idle connections of the host's pool (<paramref name="hostConnectionString"/>, as the host completed it) are
    /// closed first, and a connection still in use makes the copy fail.
    /// </summary>
    internal TestDatabase Snapshot(string hostConnectionString)
    {
        if (_name is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(hostConnectionString));
            return Create(DatabaseProvider.Postgres, template: _name);
        }
        var copy = Create(DatabaseProvider.Sqlite, template: null);
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "VACUUM INTO $file";
        cmd.Parameters.AddWithValue("$file", copy._file);
        cmd.ExecuteNonQuery();
        return copy;
    }

    /// <summary>
    /// Replaces what this new database holds with a copy of <paramref name="snapshot"/>; false when it could not (it is
    /// then empty). On PostgreSQL the database is created again from the snapshot (a database is copied only when created).
    /// </summary>
    internal bool RestoreFrom(TestDatabase snapshot)
    {
        if (_file is not null)
        {
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
            foreach (var f in new[] { _file + "-wal", _file + "-shm" }) File.Delete(f);
            File.Copy(snapshot._file!, _file, overwrite: true);
            return true;
        }
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        OnServer($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        try
        {
            OnServer($"CREATE DATABASE {_name} TEMPLATE {snapshot._name}");
            return true;
        }
        catch (PostgresException)
        {
            OnServer($"CREATE DATABASE {_name}");
            return false;
        }
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
            OnServer($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        }
    }
}
