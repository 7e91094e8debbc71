namespace ChangeOrchestrator.Simulators.Aws.Faults;

/// <param name="Calls">Every attempt that reached the simulator.</param>
/// <param name="Throttled">Attempts answered with an injected throttling error.</param>
/// <param name="InjectedErrors">Attempts answered with an injected server error.</param>
/// <param name="Failed">Attempts answered with any error, injected or not.</param>
internal sealed record CallCounterSnapshot(long Calls, long Throttled, long InjectedErrors, long Failed);
