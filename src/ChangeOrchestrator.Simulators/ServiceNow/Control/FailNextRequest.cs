namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Body of <c>POST /_control/faults/fail-next</c>; <c>After</c> matching requests succeed before the failures start.</summary>
internal sealed record FailNextRequest(int Count, int Status, int? RetryAfterSeconds = null, string? Route = null, bool NonJsonBody = false, int After = 0);
