namespace ChangeOrchestrator.Persistence;

/// <summary>
/// Where the workflow state lives (configuration section <c>Persistence</c>). The connection string comes from
/// <c>ConnectionStrings:Sqlite</c> or <c>ConnectionStrings:Postgres</c>, after the provider.
/// </summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Persistence";

    /// <summary>The SQLite file used when no connection string is configured.</summary>
    public const string DefaultSqliteFile = "./data/changeorchestrator.db";

    public PersistenceProvider Provider { get; set; } = PersistenceProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite, defaults to <see cref="DefaultSqliteFile"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Applies pending migrations when the host starts; off when a <c>migrate</c> step runs them instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// How long a starting node waits for an unreachable database (refused, timed out, or still starting up) before it
    /// gives up: a node started beside its database, or while the database restarts, waits instead of failing.
    /// </summary>
    public TimeSpan StartupWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Parsed definition versions kept in memory; versions are immutable, so a cached one never goes stale.</summary>
    public int DefinitionCacheSize { get; set; } = 256;

    /// <summary>How long a SQLite writer waits for the file lock held by another writer before giving up.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The configuration key the connection string is read from, for messages that name it.</summary>
    public string ConnectionStringKey => $"ConnectionStrings:{Provider}";
}
