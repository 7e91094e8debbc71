namespace ChangeOrchestrator.Patching.Baselines;

/// <summary>Which patches are approved for the servers of the patch groups registered to it.</summary>
public sealed record PatchBaseline
{
    public required string BaselineId { get; init; }

    public required string Name { get; init; }

    public required string OperatingSystem { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<PatchApprovalRule> ApprovalRules { get; init; } = [];

    public IReadOnlyList<string> ApprovedPatches { get; init; } = [];

    public IReadOnlyList<string> RejectedPatches { get; init; } = [];

    public IReadOnlyList<string> PatchGroups { get; init; } = [];

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? ModifiedAt { get; init; }
}
