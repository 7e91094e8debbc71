namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>The types a workflow or activity input can declare. Durations are ISO 8601 (PT15M), instants ISO 8601 with offset.</summary>
public enum DataType
{
    Any,
    String,
    Number,
    Integer,
    Boolean,
    Object,
    Array,
    Duration,
    DateTime,
}
