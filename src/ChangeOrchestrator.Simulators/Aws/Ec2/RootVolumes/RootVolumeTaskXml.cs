using System.Xml.Linq;
using static ChangeOrchestrator.Simulators.Aws.Ec2.Ec2Xml;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.RootVolumes;

/// <summary>Task fields; <c>startTime</c>/<c>completeTime</c> are modeled as strings, not timestamps.</summary>
internal static class RootVolumeTaskXml
{
    public static IEnumerable<XElement> Fields(ReplaceRootVolumeTask task, DateTimeOffset now)
    {
        yield return E("replaceRootVolumeTaskId", task.TaskId);
        yield return E("instanceId", task.InstanceId);
        yield return E("taskState", task.State(now));
        yield return E("startTime", Timestamp(task.StartTime));
        if (task.IsFinished(now))
        {
            yield return E("completeTime", Timestamp(task.CompleteAt));
        }

        if (task.SnapshotId is { } snapshot)
        {
            yield return E("snapshotId", snapshot);
        }

        if (task.ImageId is { } image)
        {
            yield return E("imageId", image);
        }

        yield return E("deleteReplacedRootVolume", Bool(task.DeleteReplacedRootVolume));
        yield return TagSet(task.Tags);
    }
}
