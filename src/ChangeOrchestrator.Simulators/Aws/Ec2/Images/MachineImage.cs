namespace ChangeOrchestrator.Simulators.Aws.Ec2.Images;

/// <summary>An AMI: pending until its snapshots complete and registration ends, then available, or failed when armed.</summary>
internal sealed class MachineImage
{
    public required string ImageId { get; init; }

    public required string Name { get; init; }

    public required string OwnerId { get; init; }

    public required string Description { get; init; }

    public required string RootDeviceName { get; init; }

    public required string PlatformDetails { get; init; }

    public required bool IsWindows { get; init; }

    public required bool IsPublic { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public required DateTimeOffset AvailableAt { get; init; }

    public DateTimeOffset? FailAt { get; init; }

    public required IReadOnlyList<ImageBlockDevice> BlockDevices { get; init; }

    public string? InstanceId { get; init; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public string? RootSnapshotId => BlockDevices.FirstOrDefault(d => d.DeviceName == RootDeviceName)?.SnapshotId;

    public string State(DateTimeOffset now) =>
        FailAt is { } fail && now >= fail ? "failed" : now >= AvailableAt ? "available" : "pending";

    public bool UsesSnapshot(string snapshotId) => BlockDevices.Any(d => d.SnapshotId == snapshotId);
}
