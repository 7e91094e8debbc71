namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>A failure to answer instead of serving the request.</summary>
internal sealed record InjectedFault(int StatusCode, int? RetryAfterSeconds, bool NonJsonBody);
