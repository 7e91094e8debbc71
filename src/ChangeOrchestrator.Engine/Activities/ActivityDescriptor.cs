namespace ChangeOrchestrator.Engine.Activities;

/// <summary>What the catalogue says of one activity type: generated from its class, served to the designer and used by validation.</summary>
public sealed record ActivityDescriptor
{
    public required string Type { get; init; }

    public required string Description { get; init; }

    public required string Category { get; init; }

    public required IReadOnlyList<ActivityPropertyDescriptor> Inputs { get; init; }

    public required IReadOnlyList<ActivityPropertyDescriptor> Outputs { get; init; }

    public required IReadOnlyList<string> Outcomes { get; init; }

    /// <summary>The input whose literal string array adds outcomes (Switch cases).</summary>
    public string? OutcomesFromInput { get; init; }

    public bool Suspends { get; init; }

    public bool BoundsLoop { get; init; }

    /// <summary>The activity reads the stored lists of its state itself (see <see cref="StreamsStateAttribute"/>).</summary>
    public bool StreamsState { get; init; }

    public required Type ClrType { get; init; }

    public ActivityPropertyDescriptor? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);
}
