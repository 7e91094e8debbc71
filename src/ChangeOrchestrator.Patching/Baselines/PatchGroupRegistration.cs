namespace ChangeOrchestrator.Patching.Baselines;

public sealed record PatchGroupRegistration
{
    public required string PatchGroup { get; init; }

    public required string BaselineId { get; init; }

    public required string OperatingSystem { get; init; }

    /// <summary>True when the registration existed before this call.</summary>
    public bool AlreadyRegistered { get; init; }
}
