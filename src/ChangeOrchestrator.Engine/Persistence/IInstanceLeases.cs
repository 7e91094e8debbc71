namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// Which node executes an instance. A lease is advisory and expires by itself, so the instances of a node that dies
/// are taken over when its leases run out; the version check of every commit still fences a node that lost its lease.
/// </summary>
public interface IInstanceLeases
{
    /// <summary>Takes or renews the lease; false while another owner holds an unexpired one.</summary>
    Task<bool> TryAcquireAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up, if <paramref name="owner"/> still holds it.</summary>
    Task ReleaseAsync(string instanceId, string owner, CancellationToken cancellationToken);
}
