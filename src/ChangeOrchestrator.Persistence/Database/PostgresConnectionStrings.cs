using System.Data.Common;
using Npgsql;

namespace ChangeOrchestrator.Persistence.Database;

internal static class PostgresConnectionStrings
{
    /// <summary>
    /// The configured connection string, with the pool's reset on close turned off unless it names the setting itself.
    /// The stores keep no session state (no SET, no session locks, no temporary tables, no LISTEN), yet by default every
    /// connection taken from the pool first runs <c>DISCARD ALL</c>, which a resume, taking about ten connections,
    /// paid about ten times.
    /// </summary>
    public static string Prepare(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows: the plain one tells what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.ContainsKey("No Reset On Close") || written.ContainsKey("NoResetOnClose"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
    }
}
