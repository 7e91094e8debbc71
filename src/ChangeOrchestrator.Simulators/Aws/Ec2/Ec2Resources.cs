using ChangeOrchestrator.Simulators.Aws.Ec2.Images;
using ChangeOrchestrator.Simulators.Aws.Ec2.RootVolumes;
using ChangeOrchestrator.Simulators.Aws.Ec2.Snapshots;
using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ec2;

/// <summary>Snapshots, images and root-volume replacement tasks of the simulated account, in creation order.</summary>
internal sealed class Ec2Resources
{
    private readonly AwsWorld _world;

    // Per volume, so the per-volume rate limit does not scan every snapshot of the account.
    private readonly Dictionary<string, List<EbsSnapshot>> _snapshotsByVolume = new(StringComparer.Ordinal);

    public Ec2Resources(AwsWorld world)
    {
        _world = world;
        foreach (var image in PublicImages.Create(world.Clock.UtcNow))
        {
            Images.Add(image.ImageId, image);
        }
    }

    public Dictionary<string, EbsSnapshot> Snapshots { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MachineImage> Images { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ReplaceRootVolumeTask> RootVolumeTasks { get; } = new(StringComparer.Ordinal);

    /// <summary>Starts a snapshot of one volume; armed volumes or instances end in <c>error</c> half-way.</summary>
    public EbsSnapshot CreateSnapshot(FleetNode node, EbsVolume volume, string description, DateTimeOffset now)
    {
        if (!_snapshotsByVolume.TryGetValue(volume.VolumeId, out var ofVolume))
        {
            _snapshotsByVolume[volume.VolumeId] = ofVolume = [];
        }

        ofVolume.RemoveAll(s => !Snapshots.ContainsKey(s.SnapshotId));
        var pending = ofVolume.Count(s => s.State(now) == "pending");
        if (pending >= _world.Options.MaxPendingSnapshotsPerVolume)
        {
            throw new Ec2ServiceException("SnapshotCreationPerVolumeRateExceeded",
                "The maximum per volume CreateSnapshot request rate has been exceeded. Use an increasing or variable sleep interval between requests.");
        }

        var duration = _world.Durations.SnapshotBase + (_world.Durations.SnapshotPerGiB * volume.SizeGiB);
        var completeAt = _world.After(now, duration);
        var fails = _world.Faults.SnapshotErrors.Contains(volume.VolumeId) || _world.Faults.SnapshotErrors.Contains(node.InstanceId);
        var snapshot = new EbsSnapshot
        {
            SnapshotId = _world.Ids.Hex17("snap-"),
            VolumeId = volume.VolumeId,
            VolumeSizeGiB = volume.SizeGiB,
            OwnerId = _world.Options.AccountId,
            Description = description,
            Encrypted = volume.Encrypted,
            StartTime = now,
            CompleteAt = completeAt,
            FailAt = fails ? _world.After(now, duration / 2) : null,
            InstanceId = node.InstanceId,
            RootLineage = volume.RootLineage,
            CapturedPatches = volume.IsRoot ? node.Patches.Clone() : null,
        };
        Snapshots.Add(snapshot.SnapshotId, snapshot);
        ofVolume.Add(snapshot);
        return snapshot;
    }

    public EbsSnapshot FindSnapshot(string snapshotId) =>
        (Ec2IdFormat.IsValid(snapshotId, "snap") ? Snapshots.GetValueOrDefault(snapshotId) : null)
        ?? throw new Ec2ServiceException("InvalidSnapshot.NotFound", $"The snapshot '{snapshotId}' does not exist.");

    public MachineImage FindImage(string imageId) =>
        (Ec2IdFormat.IsValid(imageId, "ami") ? Images.GetValueOrDefault(imageId) : throw new Ec2ServiceException("InvalidAMIID.Malformed", $"Invalid id: \"{imageId}\""))
        ?? throw new Ec2ServiceException("InvalidAMIID.NotFound", $"The image id '[{imageId}]' does not exist");
}
