using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>
/// Holding an instance for a burst: the in-process lock and the instance lease, renewed by heartbeat every third of
/// its duration. When a renewal finds the lease taken (the node stalled longer than the lease, and another node took
/// over), or no renewal succeeded for a whole lease duration (the database is unreachable), <see cref="Token"/> is
/// cancelled, so the burst stops before its next side effect. Leaving gives the lease back and then the lock.
/// </summary>
internal sealed class InstanceEntry : IAsyncDisposable
{
    private readonly IDisposable _localLock;
    private readonly IInstanceLeases _leases;
    private readonly string _instanceId;
    private readonly string _owner;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _linked;
    private readonly Heartbeat _heartbeat;
    private readonly Action<string>? _leaseLost;
    private long _lastRenewed;

    public InstanceEntry(
        IDisposable localLock, IInstanceLeases leases, string instanceId, string owner, TimeSpan duration, TimeProvider time, Action<string>? leaseLost, CancellationToken cancellationToken)
    {
        _localLock = localLock;
        _leases = leases;
        _instanceId = instanceId;
        _owner = owner;
        _duration = duration;
        _time = time;
        _lastRenewed = time.GetTimestamp();
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lost.Token);
        _heartbeat = Heartbeat.Start(duration / 3, time, RenewAsync, _ =>
        {
            if (_time.GetElapsedTime(Interlocked.Read(ref _lastRenewed)) >= _duration)
            {
                Lose(leaseLost);
            }
        });
        _leaseLost = leaseLost;
    }

    /// <summary>The caller's token, also cancelled when the lease is lost.</summary>
    public CancellationToken Token => _linked.Token;

    public bool LeaseLost => _lost.IsCancellationRequested;

    /// <summary>Renews the lease now; false (and <see cref="Token"/> cancelled) when it is lost.</summary>
    public async Task<bool> ConfirmAsync(CancellationToken cancellationToken)
    {
        if (LeaseLost)
        {
            return false;
        }

        if (await _leases.RenewAsync(_instanceId, _owner, _duration, cancellationToken))
        {
            Interlocked.Exchange(ref _lastRenewed, _time.GetTimestamp());
            return true;
        }

        Lose(_leaseLost);
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _heartbeat.DisposeAsync();
            if (!LeaseLost)
            {
                await _leases.ReleaseAsync(_instanceId, _owner, CancellationToken.None);
            }
        }
        finally
        {
            _linked.Dispose();
            _lost.Dispose();
            _localLock.Dispose();
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        if (!LeaseLost)
        {
            await ConfirmAsync(cancellationToken);
        }
    }

    private void Lose(Action<string>? leaseLost)
    {
        if (!_lost.IsCancellationRequested)
        {
            leaseLost?.Invoke(_instanceId);
            _lost.Cancel();
        }
    }
}
