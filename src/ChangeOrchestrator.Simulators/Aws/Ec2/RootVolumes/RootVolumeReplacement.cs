using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.RootVolumes;

/// <summary>
/// What a successful replacement does to the instance: a new root volume from the source, the old one detached
/// (or deleted), and the server's installed updates rolled back to those of the source.
/// </summary>
internal static class RootVolumeReplacement
{
    public static void Complete(AwsWorld world, FleetNode node, ReplaceRootVolumeTask task, NodePatchState restored, int sizeGiB)
    {
        var ec2 = node.Ec2!;
        var old = ec2.RootVolume;
        var replacement = new EbsVolume
        {
            VolumeId = world.Ids.Hex17("vol-"),
            DeviceName = ec2.RootDeviceName,
            SizeGiB = sizeGiB,
            AttachTime = task.CompleteAt,
            IsRoot = true,
            RootLineage = old?.RootLineage ?? "",
            Encrypted = old?.Encrypted ?? false,
        };
        if (old is not null)
        {
            foreach (var (key, value) in old.Tags)
            {
                replacement.Tags[key] = value;
            }

            old.DetachedPatches = node.Patches.Clone();
            world.Fleet.DetachVolume(node, old, task.DeleteReplacedRootVolume);
        }

        world.Fleet.AttachVolume(node, replacement);
        var state = restored.Clone();
        state.CompleteReboot();
        node.ReplacePatches(state);
    }
}
