using ChangeOrchestrator.Persistence.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Persistence;

/// <summary>
/// Brings the database to the schema this build expects: creates it if missing and applies pending migrations of the
/// configured provider. Run at start-up and by the server's <c>migrate</c> command; safe to run again, and EF takes
/// a database lock so nodes starting together apply each migration once.
/// </summary>
public sealed partial class DatabaseMigrator
{
    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly ILogger<DatabaseMigrator> _logger;

    internal DatabaseMigrator(IDbContextFactory<WorkflowDbContext> contexts, ILogger<DatabaseMigrator> logger)
    {
        _contexts = contexts;
        _logger = logger;
    }

    /// <returns>The migrations applied now (empty when the schema was current).</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        if (db.Provider == PersistenceProvider.Sqlite)
        {
            await EnableWriteAheadLogAsync(db, cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(_logger, db.Provider, pending.Count, pending.Count == 0 ? "none" : string.Join(", ", pending));
        return pending;
    }

    /// <summary>WAL lets readers go on while one writer commits; the mode is stored in the file, so once is enough.</summary>
    private static async Task EnableWriteAheadLogAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite file '{connection.DataSource}' refused write-ahead logging (journal mode is '{mode}').");
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Database ({Provider}) migrated: {Count} migrations applied ({Migrations})")]
    private static partial void LogMigrated(ILogger logger, PersistenceProvider provider, int count, string migrations);
}
