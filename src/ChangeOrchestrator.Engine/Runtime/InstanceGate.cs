using ChangeOrchestrator.Engine.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>
/// Lets one burst of an instance run at a time: the in-process lock, then the instance lease that keeps every other
/// node out (one node executes an instance at a time; the version check of the commit still fences a node whose
/// lease ran out).
/// </summary>
internal sealed partial class InstanceGate(
    IInstanceLeases leases, TimeProvider time, IOptions<EngineOptions> options, ILogger<InstanceGate> logger, IInstanceLeaseLoads? leaseLoads = null)
{
    private static readonly TimeSpan LeasePollInterval = TimeSpan.FromMilliseconds(50);

    private readonly InstanceLocks _locks = new();

    /// <summary>The in-process lock alone: an instance that is not stored yet has no lease to take.</summary>
    public Task<IDisposable> LockAsync(string instanceId, CancellationToken cancellationToken) => _locks.AcquireAsync(instanceId, cancellationToken);

    /// <summary>
    /// Enters an instance for one burst: the lock, then the lease, renewed while the entry is held. Null when the lease
    /// could not be had (at once, or within <see cref="EngineOptions.LeaseWaitTimeout"/> when <paramref name="wait"/>).
    /// With <paramref name="load"/>, a store that can also reads the instance in the lease's round trip
    /// (<see cref="InstanceEntry.Loaded"/>).
    /// </summary>
    public async Task<InstanceEntry?> EnterAsync(string instanceId, bool wait, CancellationToken cancellationToken, bool load = false)
    {
        var local = await _locks.AcquireAsync(instanceId, cancellationToken);
        var owner = options.Value.NodeId;
        var duration = options.Value.InstanceLeaseDuration;
        var attempts = wait ? Math.Max(1, (int)(options.Value.LeaseWaitTimeout / LeasePollInterval)) : 1;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var (taken, loaded) = await TakeAsync(instanceId, owner, duration, load, cancellationToken);
            if (taken)
            {
                return new InstanceEntry(local, leases, instanceId, owner, duration, time, LeaseLost, cancellationToken) { Loaded = loaded };
            }

            if (attempt < attempts)
            {
                await Task.Delay(LeasePollInterval, time, cancellationToken);
            }
        }

        local.Dispose();
        return null;
    }

    /// <summary>Takes the lease, and with <paramref name="load"/> reads the instance in the same round trip where the store can.</summary>
    private async Task<(bool Taken, LoadedInstance? Loaded)> TakeAsync(string instanceId, string owner, TimeSpan duration, bool load, CancellationToken cancellationToken)
    {
        if (load && leaseLoads is not null)
        {
            var loaded = await leaseLoads.TryAcquireLoadingAsync(instanceId, owner, duration, cancellationToken);
            return (loaded is not null, loaded);
        }

        return (await leases.TryAcquireAsync(instanceId, owner, duration, cancellationToken), null);
    }

    private void LeaseLost(string instanceId)
    {
        LogLeaseLost(logger, instanceId, options.Value.NodeId);
        RuntimeMetrics.LeasesLost.Add(1);
    }

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Instance {InstanceId}: node {NodeId} lost its lease mid-burst; the burst stops before its next side effect")]
    private static partial void LogLeaseLost(ILogger logger, string instanceId, string nodeId);
}
