namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// Which node executes an instance. A lease is short and renewed by heartbeat while its burst runs, so the instances
/// of a node that dies are taken over within a few seconds. Durable stores compare leases with the database's clock,
/// never a node's own, so a node with a wrong clock neither steals a live lease nor keeps a dead one. Every commit is
/// fenced by the instance version (and, on PostgreSQL, by the lease), so a node that lost its lease cannot commit.
/// </summary>
public interface IInstanceLeases
{
    /// <summary>Takes or renews the lease; false while another owner holds an unexpired one.</summary>
    Task<bool> TryAcquireAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease only while <paramref name="owner"/> still holds it (even past its expiry: nobody took it
    /// meanwhile); false when another node took it or it was released, i.e. the lease is lost.
    /// </summary>
    Task<bool> RenewAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up, if <paramref name="owner"/> still holds it.</summary>
    Task ReleaseAsync(string instanceId, string owner, CancellationToken cancellationToken);
}
