namespace ChangeOrchestrator.Simulators.Aws.Faults;

/// <param name="Calls">Every attempt that reached the simulator.</param>
/// <param name="Throttled">Attempts answered with a throttling error: injected, or over the account's request rate.</param>
/// <param name="InjectedErrors">Attempts answered with an injected server error.</param>
/// <param name="Failed">Attempts answered with any error, injected or not.</param>
/// <param name="MaxConcurrent">The most attempts of this operation that were in flight at once.</param>
internal sealed record CallCounterSnapshot(long Calls, long Throttled, long InjectedErrors, long Failed, long MaxConcurrent);
