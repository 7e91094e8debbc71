using ChangeOrchestrator.Patching.Compliance;
namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>What a started patch operation is known by: one command per batch of servers.</summary>
public sealed record PatchCommandReference
{
    public required string IdempotencyToken { get; init; }

    public required PatchOperation Operation { get; init; }

    public required IReadOnlyList<string> CommandIds { get; init; }

    public required IReadOnlyList<string> InstanceIds { get; init; }

    /// <summary>True when every command had been sent before, so this call sent nothing.</summary>
    public bool FoundExisting { get; init; }
}
