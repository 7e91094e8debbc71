using ChangeOrchestrator.Engine.Definitions;

namespace ChangeOrchestrator.Engine.Publishing;

/// <summary>A definition read from JSON, or every error found in it.</summary>
public sealed record DefinitionResult(WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}
