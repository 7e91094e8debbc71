namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>What every element of an array input, or every property value of an object input, must be.</summary>
public sealed record ItemDefinition
{
    public DataType Type { get; init; } = DataType.Any;

    public InputConstraints Constraints { get; init; } = InputConstraints.None;

    public string? Description { get; init; }
}
