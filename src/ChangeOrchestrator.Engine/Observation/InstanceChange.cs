using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Observation;

/// <summary>An instance was committed in a new state on this node.</summary>
public sealed record InstanceChange(string InstanceId, string DefinitionId, InstanceStatus Status);
