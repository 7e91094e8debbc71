namespace ChangeOrchestrator.Simulators.Aws.Faults;

/// <summary>Attempts seen for one operation, retries included, so tests and benchmarks can assert API-call counts.</summary>
internal sealed class CallCounter
{
    private long _calls;
    private long _throttled;
    private long _injectedErrors;
    private long _failed;

    public void Called() => Interlocked.Increment(ref _calls);

    public void Throttled() => Interlocked.Increment(ref _throttled);

    public void InjectedError() => Interlocked.Increment(ref _injectedErrors);

    public void Failed() => Interlocked.Increment(ref _failed);

    public CallCounterSnapshot Snapshot() => new(
        Interlocked.Read(ref _calls), Interlocked.Read(ref _throttled), Interlocked.Read(ref _injectedErrors), Interlocked.Read(ref _failed));
}
