using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>A request to start an instance of a definition (the latest version unless one is named).</summary>
public sealed record StartWorkflowRequest
{
    public required string DefinitionId { get; init; }

    public int? Version { get; init; }

    public JsonObject Input { get; init; } = [];

    public string? CorrelationId { get; init; }

    /// <summary>The instance id to use; a caller that supplies one can retry the start safely.</summary>
    public string? InstanceId { get; init; }
}
