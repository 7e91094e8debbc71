using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>
/// Sets SQLite's busy timeout on every connection, so a writer waits for another writer's lock instead of failing at
/// once. Stateless and shared, so EF keeps one internal service provider for every SQLite registration.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static SqlitePragmaInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand CreateCommand(DbConnection connection)
    {
        // The connection's Default Timeout is the configured busy timeout (see SqliteConnectionStrings).
        var milliseconds = ((SqliteConnection)connection).DefaultTimeout * 1000;
        var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {milliseconds};");
        return command;
    }
}
