namespace Portal.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from "Portal:Database". SQLite under App_Data unless configured otherwise.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Portal:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }
}
