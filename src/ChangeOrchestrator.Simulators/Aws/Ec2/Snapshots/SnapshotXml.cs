using System.Xml.Linq;
using static ChangeOrchestrator.Simulators.Aws.Ec2.Ec2Xml;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Snapshots;

/// <summary>
/// Snapshot fields. The state element is <c>state</c> in CreateSnapshots and <c>status</c> elsewhere; a snapshot
/// just created reports an empty progress.
/// </summary>
internal static class SnapshotXml
{
    public static IEnumerable<XElement> Fields(EbsSnapshot snapshot, DateTimeOffset now, string stateElement, bool justCreated)
    {
        var state = snapshot.State(now);
        yield return E("snapshotId", snapshot.SnapshotId);
        yield return E("volumeId", snapshot.VolumeId);
        yield return E(stateElement, state);
        if (snapshot.StatusMessage(now) is { } message)
        {
            yield return E("statusMessage", message);
        }

        yield return E("startTime", Timestamp(snapshot.StartTime));
        yield return E("progress", justCreated ? "" : snapshot.Progress(now));
        yield return E("ownerId", snapshot.OwnerId);
        yield return E("volumeSize", Int(snapshot.VolumeSizeGiB));
        yield return E("description", snapshot.Description);
        yield return E("encrypted", Bool(snapshot.Encrypted));
        yield return E("storageTier", "standard");
        if (state == "completed")
        {
            yield return E("completionTime", Timestamp(snapshot.CompleteAt));
        }

        if (snapshot.Tags.Count > 0)
        {
            yield return TagSet(snapshot.Tags);
        }
    }
}
