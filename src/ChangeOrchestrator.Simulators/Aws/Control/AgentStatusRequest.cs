namespace ChangeOrchestrator.Simulators.Aws.Control;

/// <summary>Body of <c>POST _control/agents</c>: PingStatus Online or ConnectionLost for the given nodes.</summary>
internal sealed record AgentStatusRequest(List<string> InstanceIds, string PingStatus);
