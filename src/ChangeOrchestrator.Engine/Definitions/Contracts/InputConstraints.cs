using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>
/// What a declared value must satisfy beyond its type: the vocabulary shared by workflow inputs, their nested fields
/// and items, and activity inputs in the catalogue, so a start form or a designer can check values as the server does.
/// </summary>
public sealed record InputConstraints
{
    public static InputConstraints None { get; } = new();

    /// <summary>The only values accepted (of the declared type).</summary>
    public IReadOnlyList<JsonNode>? Enum { get; init; }

    /// <summary>The name of a host source of allowed values, resolved at start (e.g. <c>serviceDesks</c>, <c>patchGroups</c>).</summary>
    public string? EnumFrom { get; init; }

    /// <summary>With <see cref="EnumFrom"/>: accept a value the source knows but reports as having no members.</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>The smallest value: a number for numbers, an ISO 8601 duration for durations.</summary>
    public JsonNode? Minimum { get; init; }

    /// <summary>The largest value: a number for numbers, an ISO 8601 duration for durations.</summary>
    public JsonNode? Maximum { get; init; }

    /// <summary>A regular expression the string must contain a match of (anchor it with ^ and $ to match it whole).</summary>
    public string? Pattern { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public ValueFormat? Format { get; init; }

    /// <summary>For objects: the fields it may hold; any other field is refused.</summary>
    public IReadOnlyList<WorkflowInputDefinition>? Fields { get; init; }

    /// <summary>For arrays: what every element must be.</summary>
    public ItemDefinition? Items { get; init; }

    /// <summary>For objects used as maps (tag key to values): what every property value must be.</summary>
    public ItemDefinition? Values { get; init; }
}
