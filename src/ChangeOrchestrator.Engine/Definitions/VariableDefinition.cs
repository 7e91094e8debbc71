using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>A workflow variable, readable as <c>vars.&lt;name&gt;</c> and written by SetVariable.</summary>
public sealed record VariableDefinition
{
    public required string Name { get; init; }

    public DataType Type { get; init; } = DataType.Any;

    public JsonNode? Default { get; init; }
}
