using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChangeOrchestrator.Persistence;

/// <summary>Checks the persistence settings at start-up; every message names the configuration key that is wrong.</summary>
public sealed class PersistenceOptionsValidator : IValidateOptions<PersistenceOptions>
{
    public ValidateOptionsResult Validate(string? name, PersistenceOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{PersistenceOptions.SectionName}:{nameof(PersistenceOptions.Provider)} must be Sqlite or Postgres (was '{options.Provider}').");
            return ValidateOptionsResult.Fail(failures);
        }

        if (options.Provider == PersistenceProvider.Postgres)
        {
            ValidatePostgres(options, failures);
        }
        else
        {
            ValidateSqlite(options, failures);
        }

        if (options.DefinitionCacheSize < 1)
        {
            failures.Add($"{PersistenceOptions.SectionName}:{nameof(PersistenceOptions.DefinitionCacheSize)} must be at least 1 (was {options.DefinitionCacheSize}).");
        }

        if (options.SqliteBusyTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{PersistenceOptions.SectionName}:{nameof(PersistenceOptions.SqliteBusyTimeout)} must be positive (was {options.SqliteBusyTimeout}).");
        }

        if (options.StartupWait < TimeSpan.Zero)
        {
            failures.Add($"{PersistenceOptions.SectionName}:{nameof(PersistenceOptions.StartupWait)} must not be negative (was {options.StartupWait}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePostgres(PersistenceOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{options.ConnectionStringKey} is required when {PersistenceOptions.SectionName}:{nameof(PersistenceOptions.Provider)} is Postgres.");
            return;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                failures.Add($"{options.ConnectionStringKey} names no Host.");
            }
        }
        catch (ArgumentException ex)
        {
            failures.Add($"{options.ConnectionStringKey} is not a valid PostgreSQL connection string: {ex.Message}");
        }
    }

    private static void ValidateSqlite(PersistenceOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return;
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource)
                || builder.DataSource == ":memory:"
                || builder.Mode == SqliteOpenMode.Memory)
            {
                failures.Add($"{options.ConnectionStringKey} must name a database file: an in-memory database keeps nothing.");
            }
        }
        catch (ArgumentException ex)
        {
            failures.Add($"{options.ConnectionStringKey} is not a valid SQLite connection string: {ex.Message}");
        }
    }
}
