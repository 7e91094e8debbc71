using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>Recognises the provider errors the stores turn into outcomes.</summary>
internal static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>The insert hit a primary key or unique index: the row exists already.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique,
        _ => false,
    };

    /// <summary>
    /// The database could not be reached or is not accepting connections yet (refused, reset, timed out, starting up
    /// or shutting down): worth waiting for, unlike a wrong password or a missing permission, which waiting never mends.
    /// </summary>
    public static bool IsUnreachable(Exception exception)
    {
        for (Exception? error = exception; error is not null; error = error.InnerException)
        {
            switch (error)
            {
                case PostgresException postgres:
                    return postgres.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown
                        or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.TooManyConnections
                        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
                case SocketException or TimeoutException or IOException:
                    return true;
            }
        }

        return false;
    }
}
