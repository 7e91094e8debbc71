namespace ChangeOrchestrator.Simulators.Aws.Faults;

/// <summary>
/// Faults armed through the control API. API-level rules (latency, throttling, server errors) are decided per
/// call; the resource-level sets are read by the simulation when an install, reboot, snapshot, image or
/// root-volume replacement happens.
/// </summary>
internal sealed class AwsFaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private Random _random = new(17);

    public HashSet<string> OfflineAfterReboot { get; } = new(StringComparer.Ordinal);

    /// <summary>Instance id to the KB ids that fail there; an empty set fails the first update installed.</summary>
    public Dictionary<string, HashSet<string>> PatchFailures { get; } = new(StringComparer.Ordinal);

    /// <summary>Instance or volume ids whose snapshots end in <c>error</c>.</summary>
    public HashSet<string> SnapshotErrors { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ImageFailures { get; } = new(StringComparer.Ordinal);

    public HashSet<string> RootVolumeFailures { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ScriptFailures { get; } = new(StringComparer.Ordinal);

    public void Arm(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    public FaultDecision Decide(string service, string operation)
    {
        lock (_gate)
        {
            var latency = TimeSpan.Zero;
            FaultKind? failure = null;
            foreach (var rule in _rules)
            {
                if (!rule.Matches(service, operation) || (rule.Kind != FaultKind.Latency && failure is not null))
                {
                    continue;
                }

                if (rule.Rate < 1.0 && _random.NextDouble() >= rule.Rate)
                {
                    continue;
                }

                if (rule.RemainingCalls is { } remaining)
                {
                    rule.RemainingCalls = remaining - 1;
                }

                if (rule.Kind == FaultKind.Latency)
                {
                    latency += rule.Latency;
                }
                else
                {
                    failure = rule.Kind;
                }
            }

            _rules.RemoveAll(rule => rule.RemainingCalls <= 0);
            return new FaultDecision(latency, failure);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _random = new Random(17);
            OfflineAfterReboot.Clear();
            PatchFailures.Clear();
            SnapshotErrors.Clear();
            ImageFailures.Clear();
            RootVolumeFailures.Clear();
            ScriptFailures.Clear();
        }
    }
}
