namespace ChangeOrchestrator.Simulators.Aws.Control;

/// <summary>
/// Body of the latency, throttle and error fault endpoints. <see cref="Count"/> arms the fault for the next N
/// matching calls; <see cref="Rate"/> (0..1) applies it to that share of calls; neither means every call.
/// </summary>
internal sealed record FaultRuleRequest(string? Service, string? Operation, int? Count, double? Rate, int? Milliseconds);
