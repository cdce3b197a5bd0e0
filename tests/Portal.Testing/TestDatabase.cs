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
        var copy = Create(Provider);
        if (_file is not null)
        {
            File.Delete(copy._file!);
            using var conn = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "VACUUM INTO $file";
            cmd.Parameters.AddWithValue("$file", copy._file);
            cmd.ExecuteNonQuery();
            return copy;
        }
        try
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(hostConnectionString));
            copy.Recreate(template: _name);
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>Replaces what this database holds with a copy of <paramref name="snapshot"/>; false when it could not (it is then empty).</summary>
    internal bool RestoreFrom(TestDatabase snapshot)
    {
        ClearPool();
        if (_file is not null)
        {
            foreach (var f in new[] { _file + "-wal", _file + "-shm" }) File.Delete(f);
            File.Copy(snapshot._file!, _file, overwrite: true);
            return true;
        }
        try
        {
            Recreate(template: snapshot._name);
            return true;
        }
        catch (PostgresException)
        {
            Recreate(template: null);
            return false;
        }
    }

    private void ClearPool()
    {
        if (_file is not null) SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        else NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
    }

    private void Recreate(string? template)
    {
        var server = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES")!;
        using var conn = new NpgsqlConnection(server);
        conn.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", conn);
        drop.ExecuteNonQuery();
        using var create = new NpgsqlCommand(template is null ? $"CREATE DATABASE {_name}" : $"CREATE DATABASE {_name} TEMPLATE {template}", conn);
        create.ExecuteNonQuery();
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
