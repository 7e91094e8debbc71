using System.Collections.Concurrent;
using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Persistence.Database;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>
/// A database migrated once per server and build, which every test database is a copy of (<c>CREATE DATABASE …
/// TEMPLATE</c>): a copy costs a few milliseconds of the server's time, while applying every migration again costs
/// about a second of both sides' CPU, once per test. The name carries the build of the migrations, so a server that
/// outlives a build never hands out a database migrated by an older one; processes sharing a server build it once,
/// under an advisory lock.
/// </summary>
internal static class PostgresTemplate
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();

    private static readonly string Name = $"co_template_{typeof(WorkflowDbContext).Assembly.ManifestModule.ModuleVersionId:N}";

    // Any fixed number: the lock only orders the processes that build templates on one server.
    private const long BuildLock = 0x436f54656d706c;

    /// <summary>The name of the migrated template on <paramref name="server"/>, built on first use.</summary>
    public static Task<string> GetAsync(string server) =>
        Templates.GetOrAdd(server, s => new Lazy<Task<string>>(() => BuildAsync(s))).Value;

    private static async Task<string> BuildAsync(string server)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({BuildLock})");
        try
        {
            await using (var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection))
            {
                exists.Parameters.AddWithValue("name", Name);
                if ((long)(await exists.ExecuteScalarAsync())! == 1)
                {
                    return Name;
                }
            }

            // Migrated under another name and renamed when complete: a process killed half-way leaves no template
            // that looks ready.
            var building = $"co_building_{Guid.NewGuid():N}";
            await ExecuteAsync(connection, $"CREATE DATABASE \"{building}\"");
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = building, Pooling = false }.ConnectionString;
            await new MigratedOnce(connectionString).MigrateAsync();
            await ExecuteAsync(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{Name}\"");
            return Name;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({BuildLock})");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The template while it is built: a database no test owns, so nothing drops it.</summary>
    private sealed class MigratedOnce(string connectionString) : TestDatabase
    {
        public override PersistenceProvider Provider => PersistenceProvider.Postgres;

        public override string ConnectionString => connectionString;

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
