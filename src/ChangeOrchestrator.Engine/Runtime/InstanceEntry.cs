using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>
/// Holding an instance for a burst: the in-process lock and the instance lease, renewed by heartbeat every third of
/// its duration. When a renewal finds the lease taken (the node stalled longer than the lease, and another node took
/// over), or no renewal succeeded for a whole lease duration (the database is unreachable), <see cref="Token"/> is
/// cancelled, so the burst stops before its next side effect. A commit gives the lease back itself (see
/// <see cref="BurstCommit.LeaseOwner"/>): while it is under way nothing renews the lease, and once it succeeded leaving
/// only lets go of the lock. Otherwise leaving gives the lease back and then the lock.
/// </summary>
internal sealed class InstanceEntry : IAsyncDisposable
{
    private readonly IDisposable _localLock;
    private readonly IInstanceLeases _leases;
    private readonly string _instanceId;
    private readonly string _owner;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private const int Held = 0;
    private const int Committing = 1;
    private const int Released = 2;

    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _linked;
    private readonly Heartbeat _heartbeat;
    private readonly Action<string>? _leaseLost;
    private long _lastRenewed;
    private int _phase = Held;

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

    /// <summary>The instance as read in the round trip that took the lease; null when it was not read then.</summary>
    public LoadedInstance? Loaded { get; init; }

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

        // A renewal that crossed a commit found the lease given back by that commit, not taken.
        if (Volatile.Read(ref _phase) == Held)
        {
            Lose(_leaseLost);
        }

        return false;
    }

    /// <summary>A commit that gives the lease back is about to run: renewals stop until <see cref="EndCommit"/>.</summary>
    public void BeginCommit() => Volatile.Write(ref _phase, Committing);

    /// <summary>The commit is over: <paramref name="released"/> when it succeeded, and with it the lease went back.</summary>
    public void EndCommit(bool released) => Volatile.Write(ref _phase, released ? Released : Held);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _heartbeat.DisposeAsync();
            if (!LeaseLost && Volatile.Read(ref _phase) != Released)
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
        if (!LeaseLost && Volatile.Read(ref _phase) == Held)
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
