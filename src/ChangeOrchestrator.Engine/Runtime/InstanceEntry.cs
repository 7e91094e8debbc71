using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>Holding an instance for a burst: leaving gives the lease back and then the in-process lock.</summary>
internal sealed class InstanceEntry(IDisposable localLock, IInstanceLeases leases, string instanceId, string owner) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        try
        {
            await leases.ReleaseAsync(instanceId, owner, CancellationToken.None);
        }
        finally
        {
            localLock.Dispose();
        }
    }
}
