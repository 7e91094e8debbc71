namespace ChangeOrchestrator.Simulators.Aws.Faults;

/// <summary>Attempts seen for one operation, retries included, so tests and benchmarks can assert API-call counts.</summary>
internal sealed class CallCounter
{
    private long _calls;
    private long _throttled;
    private long _injectedErrors;
    private long _failed;
    private long _inFlight;
    private long _maxInFlight;

    public void Called() => Interlocked.Increment(ref _calls);

    /// <summary>A request began: counted, and the most in flight at once is kept, to show how concurrent callers are.</summary>
    public void Started()
    {
        Called();
        var now = Interlocked.Increment(ref _inFlight);
        for (var seen = Interlocked.Read(ref _maxInFlight); now > seen; seen = Interlocked.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, seen) == seen)
            {
                break;
            }
        }
    }

    public void Ended() => Interlocked.Decrement(ref _inFlight);

    public void Throttled() => Interlocked.Increment(ref _throttled);

    public void InjectedError() => Interlocked.Increment(ref _injectedErrors);

    public void Failed() => Interlocked.Increment(ref _failed);

    public CallCounterSnapshot Snapshot() => new(
        Interlocked.Read(ref _calls), Interlocked.Read(ref _throttled), Interlocked.Read(ref _injectedErrors), Interlocked.Read(ref _failed),
        Interlocked.Read(ref _maxInFlight));
}
