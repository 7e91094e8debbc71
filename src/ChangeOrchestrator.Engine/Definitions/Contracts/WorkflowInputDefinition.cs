using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>An input the caller passes when starting an instance, or a field of an object input.</summary>
public sealed record WorkflowInputDefinition
{
    public required string Name { get; init; }

    public DataType Type { get; init; } = DataType.Any;

    public bool Required { get; init; }

    public JsonNode? Default { get; init; }

    public string? Description { get; init; }

    /// <summary>What a value must satisfy beyond its type; checked at start, before anything runs.</summary>
    public InputConstraints Constraints { get; init; } = InputConstraints.None;
}
