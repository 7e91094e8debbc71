namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>One activity of a flowchart: its type, its inputs (literals or expressions) and its execution policy.</summary>
public sealed record ActivityNode
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? Name { get; init; }

    public IReadOnlyDictionary<string, InputValue> Inputs { get; init; } = new Dictionary<string, InputValue>();

    public RetryPolicy? Retry { get; init; }

    /// <summary>Longest time one attempt may run, or stay suspended, before it faults as timed out.</summary>
    public TimeSpan? Timeout { get; init; }

    public DesignerPosition? Position { get; init; }
}
