namespace ChangeOrchestrator.Simulators.Aws.Control;

/// <summary>Body of <c>POST _control/instances/state</c>: running, stopped or terminated.</summary>
internal sealed record InstanceStateRequest(List<string> InstanceIds, string State);
