using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>A published, immutable version of a flowchart workflow, as written in <c>workflows/&lt;id&gt;.json</c>.</summary>
public sealed record WorkflowDefinition
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<WorkflowInputDefinition> Inputs { get; init; } = [];

    /// <summary>Conditions across inputs, checked at start after each input passed its own constraints.</summary>
    public IReadOnlyList<InputRule> Rules { get; init; } = [];

    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    public IReadOnlyList<TriggerDefinition> Triggers { get; init; } = [];

    /// <summary>The activity the workflow starts at; when omitted, the one activity without incoming connections.</summary>
    public string? Start { get; init; }

    /// <summary>The first activity of the cancel path, run when an instance is cancelled.</summary>
    public string? Cancel { get; init; }

    public required IReadOnlyList<ActivityNode> Activities { get; init; }

    public IReadOnlyList<ConnectionDefinition> Connections { get; init; } = [];

    public ActivityNode? FindActivity(string id) => Activities.FirstOrDefault(a => a.Id == id);
}
