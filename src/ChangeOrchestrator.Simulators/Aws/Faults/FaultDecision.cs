namespace ChangeOrchestrator.Simulators.Aws.Faults;

/// <summary>What the armed faults do to one call: delay it, then maybe throttle or fail it.</summary>
internal readonly record struct FaultDecision(TimeSpan Latency, FaultKind? Failure);
