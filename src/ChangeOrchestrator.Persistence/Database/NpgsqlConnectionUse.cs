using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>
/// The plain statements of the hot paths (load, commit, lease, audit row) run on the context's own pooled
/// connection, opened for them and given back to the pool afterwards, so they share EF Core's pool settings.
/// </summary>
internal static class NpgsqlConnectionUse
{
    public static async Task<T> OnNpgsqlConnectionAsync<T>(
        this WorkflowDbContext db, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work((NpgsqlConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static Task OnNpgsqlConnectionAsync(this WorkflowDbContext db, Func<NpgsqlConnection, Task> work, CancellationToken cancellationToken) =>
        db.OnNpgsqlConnectionAsync(
            async connection =>
            {
                await work(connection);
                return true;
            },
            cancellationToken);
}
