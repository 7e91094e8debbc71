using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Instances;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Leases;

/// <summary>Releasing claims is the same on every provider: clear the stamp where this owner still holds it.</summary>
internal static class TimerClaimRelease
{
    public static async Task ReleaseAsync(
        IDbContextFactory<WorkflowDbContext> contexts, string owner, IReadOnlyCollection<string> bookmarkIds, CancellationToken cancellationToken)
    {
        if (bookmarkIds.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<BookmarkRow>()
            .Where(b => b.ClaimedBy == owner && bookmarkIds.Contains(b.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimedBy, (string?)null).SetProperty(b => b.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
    }
}
