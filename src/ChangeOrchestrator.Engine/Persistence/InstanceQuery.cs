using ChangeOrchestrator.Engine.Execution;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// A page of instances, newest first. <see cref="After"/> is the continuation token of the previous page (keyset
/// paging on creation order), so a page costs the same however many instances exist.
/// </summary>
public sealed record InstanceQuery
{
    public InstanceStatus? Status { get; init; }

    public string? DefinitionId { get; init; }

    public string? CorrelationId { get; init; }

    public string? After { get; init; }

    public int Limit { get; init; } = 50;
}
