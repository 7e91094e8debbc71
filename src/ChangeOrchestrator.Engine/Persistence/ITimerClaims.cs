using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// Due timers claimed by one node at a time, so two nodes never fire the same timer at once. A claim lasts until the
/// burst that fires it deletes the bookmark, until it is released, or until it runs out (a node that died); the node
/// renews its claims while it works through them, so they can be short. Durable stores use the database's clock.
/// </summary>
public interface ITimerClaims
{
    /// <summary>Claims up to <paramref name="limit"/> due timers of runnable instances for <paramref name="owner"/>, earliest first.</summary>
    Task<IReadOnlyList<StoredBookmark>> ClaimDueAsync(string owner, TimeSpan claimFor, int limit, CancellationToken cancellationToken);

    /// <summary>Extends the claims <paramref name="owner"/> still holds among <paramref name="bookmarkIds"/>.</summary>
    Task RenewAsync(string owner, IReadOnlyCollection<string> bookmarkIds, TimeSpan claimFor, CancellationToken cancellationToken);

    /// <summary>Hands claimed timers back (they were not fired), so another node can take them at once.</summary>
    Task ReleaseAsync(string owner, IReadOnlyCollection<string> bookmarkIds, CancellationToken cancellationToken);
}
