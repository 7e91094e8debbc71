using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Stimuli;

/// <summary>
/// Records a stimulus id as seen, inside the caller's transaction: a new row, or an expired row taken over. One
/// statement, so that of two concurrent callers exactly one affects the row, and a conflict never aborts a
/// PostgreSQL transaction.
/// </summary>
internal static class SeenStimulusUpsert
{
    /// <returns>1 when the id was recorded now, 0 when it is seen already and within its retention.</returns>
    public static Task<int> TakeAsync(
        WorkflowDbContext db, string id, DateTimeOffset? firstAppliedAt, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Provider == PersistenceProvider.Postgres)
        {
            var applied = firstAppliedAt?.ToUniversalTime();
            var until = expiresAt.ToUniversalTime();
            var at = now.ToUniversalTime();
            return db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO seen_stimuli (id, expires_at, first_applied_at) VALUES ({id}, {until}, {applied})
                ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at, first_applied_at = EXCLUDED.first_applied_at
                WHERE seen_stimuli.expires_at <= {at}
                """, cancellationToken);
        }

        // Raw SQL parameters bypass the model's value converters: instants are passed as the stored UTC ticks.
        var appliedTicks = firstAppliedAt?.UtcTicks;
        var untilTicks = expiresAt.UtcTicks;
        var nowTicks = now.UtcTicks;
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO seen_stimuli (id, expires_at, first_applied_at) VALUES ({id}, {untilTicks}, {appliedTicks})
            ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at, first_applied_at = excluded.first_applied_at
            WHERE seen_stimuli.expires_at <= {nowTicks}
            """, cancellationToken);
    }
}
