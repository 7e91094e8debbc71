using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>One page of instances and the token for the next page (null on the last).</summary>
public sealed record InstancePage(IReadOnlyList<WorkflowInstance> Items, string? Next);
