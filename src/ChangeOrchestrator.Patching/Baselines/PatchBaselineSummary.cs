namespace ChangeOrchestrator.Patching.Baselines;

public sealed record PatchBaselineSummary
{
    public required string BaselineId { get; init; }

    public required string Name { get; init; }

    /// <summary>WINDOWS, AMAZON_LINUX_2023, UBUNTU, REDHAT_ENTERPRISE_LINUX, ...</summary>
    public required string OperatingSystem { get; init; }

    public string? Description { get; init; }

    /// <summary>The baseline used for servers of this operating system that are in no registered patch group.</summary>
    public bool IsDefault { get; init; }
}
