using Microsoft.Data.Sqlite;

namespace ChangeOrchestrator.Persistence.Database;

internal static class SqliteConnectionStrings
{
    /// <summary>
    /// The connection string to use: the configured one or the default file, with the busy timeout applied and the
    /// file's folder created (SQLite creates the file but not its folder).
    /// </summary>
    public static string Prepare(PersistenceOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(options.ConnectionString) ? $"Data Source={PersistenceOptions.DefaultSqliteFile}" : options.ConnectionString)
        {
            DefaultTimeout = (int)Math.Ceiling(options.SqliteBusyTimeout.TotalSeconds),
        };

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }
}
