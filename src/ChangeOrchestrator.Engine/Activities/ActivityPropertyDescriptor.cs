using ChangeOrchestrator.Engine.Definitions;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>An input or output of an activity type.</summary>
public sealed record ActivityPropertyDescriptor
{
    public required string Name { get; init; }

    public required DataType Type { get; init; }

    public bool Required { get; init; }

    public string? Description { get; init; }

    /// <summary>For inputs bound to an enum: the accepted names.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }
}
