namespace ChangeOrchestrator.Simulators.Aws.Ec2.RootVolumes;

/// <summary>A root-volume replacement: pending, in-progress (guest restarting), then succeeded, or failing then failed.</summary>
internal sealed class ReplaceRootVolumeTask
{
    public required string TaskId { get; init; }

    public required string InstanceId { get; init; }

    public string? SnapshotId { get; init; }

    public string? ImageId { get; init; }

    public required bool DeleteReplacedRootVolume { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset InProgressAt { get; init; }

    public required DateTimeOffset CompleteAt { get; init; }

    public required bool Fails { get; init; }

    public string? ClientToken { get; init; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public bool IsFinished(DateTimeOffset now) => now >= CompleteAt;

    public string State(DateTimeOffset now)
    {
        if (now < InProgressAt)
        {
            return "pending";
        }

        if (now < CompleteAt)
        {
            return Fails && now >= InProgressAt + ((CompleteAt - InProgressAt) / 2) ? "failing" : "in-progress";
        }

        return Fails ? "failed" : "succeeded";
    }
}
