using System.Reflection;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Running;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using WorkflowCore.Interface;

namespace ChangeOrchestrator.Benchmarks.Reporting;

/// <summary>The versions of everything whose speed the figures depend on.</summary>
internal sealed record VersionInfo(string Dotnet, string? PostgreSql, string Sqlite, IReadOnlyDictionary<string, string> Packages)
{
    public static async Task<VersionInfo> CollectAsync(string? postgresServer, CancellationToken cancellationToken)
    {
        var packages = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["WorkflowCore"] = Of(typeof(IWorkflowHost)),
            ["Jint"] = Of(typeof(Jint.Engine)),
            ["Npgsql"] = Of(typeof(NpgsqlConnection)),
            ["Npgsql.EntityFrameworkCore.PostgreSQL"] = Of(typeof(NpgsqlDbContextOptionsBuilder)),
            ["Microsoft.EntityFrameworkCore"] = Of(typeof(DbContext)),
            ["Microsoft.Data.Sqlite"] = Of(typeof(SqliteConnection)),
            ["BenchmarkDotNet"] = Of(typeof(BenchmarkRunner)),
        };
        return new VersionInfo(RuntimeInformation.FrameworkDescription, await PostgresVersionAsync(postgresServer, cancellationToken), SqliteVersion(), packages);
    }

    private static string Of(Type type)
    {
        var version = type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? type.Assembly.GetName().Version?.ToString()
            ?? "unknown";

        // Informational versions carry the source commit after a '+'; the package version is what matters here.
        return version.Split('+')[0];
    }

    private static async Task<string?> PostgresVersionAsync(string? server, CancellationToken cancellationToken)
    {
        if (server is null)
        {
            return null;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string?)command.ExecuteScalar() ?? "unknown";
    }
}
