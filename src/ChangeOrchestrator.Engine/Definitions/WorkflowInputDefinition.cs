using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>An input the caller passes when starting an instance.</summary>
public sealed record WorkflowInputDefinition
{
    public required string Name { get; init; }

    public DataType Type { get; init; } = DataType.Any;

    public bool Required { get; init; }

    public JsonNode? Default { get; init; }

    public string? Description { get; init; }
}
