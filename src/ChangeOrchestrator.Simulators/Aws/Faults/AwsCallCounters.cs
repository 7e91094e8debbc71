using System.Collections.Concurrent;

namespace ChangeOrchestrator.Simulators.Aws.Faults;

/// <summary>Per-operation counters keyed <c>SSM.SendCommand</c>, <c>EC2.DescribeInstances</c>, ...</summary>
internal sealed class AwsCallCounters
{
    private readonly ConcurrentDictionary<string, CallCounter> _counters = new(StringComparer.Ordinal);

    public CallCounter For(string service, string operation) => _counters.GetOrAdd($"{service}.{operation}", _ => new CallCounter());

    public IReadOnlyDictionary<string, CallCounterSnapshot> Snapshot() =>
        _counters.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(pair => pair.Key, pair => pair.Value.Snapshot(), StringComparer.Ordinal);

    public void Reset() => _counters.Clear();
}
