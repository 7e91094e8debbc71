using System.Text.Json.Serialization;
using ChangeOrchestrator.Engine.Definitions.Contracts;

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

    /// <summary>What a value must satisfy beyond its type, in the vocabulary of workflow inputs; checked on literal inputs.</summary>
    public InputConstraints Constraints { get; init; } = InputConstraints.None;

    /// <summary>An input that receives stored per-server lists as references (see <see cref="StreamsResultsAttribute"/>).</summary>
    [JsonIgnore]
    public bool StreamsResults { get; init; }
}
