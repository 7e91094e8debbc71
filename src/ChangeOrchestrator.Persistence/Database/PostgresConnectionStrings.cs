using System.Data.Common;
using Npgsql;

namespace ChangeOrchestrator.Persistence.Database;

internal static class PostgresConnectionStrings
{
    /// <summary>
    /// How many statements each pooled connection keeps prepared when the connection string does not say. The hot
    /// paths (resume, start, commit, timers, audit) are a few dozen distinct statements; the rest are evicted first.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 100;

    /// <summary>
    /// The configured connection string, with two pool defaults the stores are built for, each unless the string
    /// names the setting itself.
    /// <list type="bullet">
    /// <item>No reset on close: the stores keep no session state (no SET, no session locks, no temporary tables, no
    /// LISTEN), yet by default every connection taken from the pool first runs <c>DISCARD ALL</c>, which a resume,
    /// taking about ten connections, paid about ten times.</item>
    /// <item>Automatic preparation: every statement the engine sends is one of a fixed few, sent thousands of times;
    /// unprepared, PostgreSQL parses and plans each again, which was about half of its CPU per resumed event.
    /// Behind a pooler that cannot keep prepared statements (PgBouncer before 1.21 in transaction mode), set
    /// <c>Max Auto Prepare=0</c>.</item>
    /// </list>
    /// </summary>
    public static string Prepare(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows: the plain one tells what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var changed = false;
        if (!written.ContainsKey("No Reset On Close") && !written.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
            changed = true;
        }

        if (!written.ContainsKey("Max Auto Prepare") && !written.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
            changed = true;
        }

        return changed ? builder.ConnectionString : connectionString;
    }
}
