using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;
using ChangeOrchestrator.Connectors.Aws.Fleet;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Snapshots;
using Microsoft.Extensions.Logging;
using Filter = Amazon.EC2.Model.Filter;
using SnapshotState = ChangeOrchestrator.Patching.Snapshots.SnapshotState;

namespace ChangeOrchestrator.Connectors.Aws.Snapshots;

/// <summary>
/// <see cref="ISnapshotService"/> on EC2: CreateSnapshots for a crash-consistent set of every attached volume,
/// found again by tag before anything is created, and CreateReplaceRootVolumeTask (with a client token) to restore.
/// </summary>
internal sealed class AwsSnapshotService(
    AwsClients clients, AwsCalls calls, Ec2InstanceReader instances, FindOrCreatePipeline pipeline, ILogger<AwsSnapshotService> logger)
    : ISnapshotService
{
    /// <summary>Snapshot ids per DescribeSnapshots call.</summary>
    private const int IdsPerCall = 200;

    public async Task<SnapshotSet> CreateSnapshotsAsync(SnapshotRequest request, CancellationToken cancellationToken)
    {
        Idempotency.Validate(request.IdempotencyKey, "idempotency key");
        if (FleetMapping.IsHybrid(request.InstanceId))
        {
            throw new FleetException($"{request.InstanceId} is a hybrid node: it has no EBS volumes to snapshot.", isTransient: false);
        }

        return await pipeline.ExecuteAsync(token => FindOrCreateAsync(request, token), cancellationToken);
    }

    public async Task<SnapshotSetStatus> GetSnapshotStatusAsync(IReadOnlyCollection<string> snapshotIds, CancellationToken cancellationToken)
    {
        var progress = new List<SnapshotProgress>();
        foreach (var batch in snapshotIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerCall))
        {
            var response = await calls.RunAsync("EC2 DescribeSnapshots", token =>
                clients.Ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [.. batch] }, token), cancellationToken);
            progress.AddRange((response.Snapshots ?? []).Select(s => new SnapshotProgress
            {
                SnapshotId = s.SnapshotId,
                VolumeId = s.VolumeId,
                State = State(s.State),
                PercentDone = Percent(s.Progress),
                Message = string.IsNullOrEmpty(s.StateMessage) ? null : s.StateMessage,
            }));
        }

        return new SnapshotSetStatus { Snapshots = progress };
    }

    public async Task<RootVolumeRestore> RestoreRootVolumeAsync(RootVolumeRestoreRequest request, CancellationToken cancellationToken)
    {
        Idempotency.Validate(request.IdempotencyKey, "idempotency key");

        // The client token makes the call idempotent on the service side, so the SDK's own retries are safe here.
        var response = await calls.RunAsync("EC2 CreateReplaceRootVolumeTask", token => clients.Ec2.CreateReplaceRootVolumeTaskAsync(new CreateReplaceRootVolumeTaskRequest
        {
            InstanceId = request.InstanceId,
            SnapshotId = request.SnapshotId,
            DeleteReplacedRootVolume = request.DeleteReplacedRootVolume,
            ClientToken = request.IdempotencyKey,
            TagSpecifications =
            [
                new TagSpecification
                {
                    ResourceType = ResourceType.ReplaceRootVolumeTask,
                    Tags = [new Tag(SnapshotTags.IdempotencyKey, request.IdempotencyKey), new Tag(SnapshotTags.InstanceId, request.InstanceId)],
                },
            ],
        }, token), cancellationToken);
        var restore = Restore(response.ReplaceRootVolumeTask);
        AwsLog.RestoreStarted(logger, request.InstanceId, request.SnapshotId, restore.TaskId);
        return restore;
    }

    public async Task<RootVolumeRestore> GetRestoreStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        var response = await calls.RunAsync("EC2 DescribeReplaceRootVolumeTasks", token =>
            clients.Ec2.DescribeReplaceRootVolumeTasksAsync(new DescribeReplaceRootVolumeTasksRequest { ReplaceRootVolumeTaskIds = [taskId] }, token),
            cancellationToken);
        var task = response.ReplaceRootVolumeTasks?.FirstOrDefault()
            ?? throw new FleetException($"Root volume replacement task {taskId} was not found.", isTransient: false);
        return Restore(task);
    }

    private async ValueTask<SnapshotSet> FindOrCreateAsync(SnapshotRequest request, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(request, cancellationToken);
        if (existing.Count > 0)
        {
            AwsLog.SnapshotsFound(logger, request.InstanceId, request.ChangeNumber, existing.Count);
            var rootVolumeId = existing[0].Tags?.FirstOrDefault(t => t.Key == SnapshotTags.RootVolumeId)?.Value;
            return Set(request, [.. existing.Select(s => Volume(s.SnapshotId, s.VolumeId, s.VolumeSize, s.State, rootVolumeId))], foundExisting: true);
        }

        var instance = await instances.ByIdAsync(request.InstanceId, cancellationToken);
        var root = (instance.BlockDeviceMappings ?? []).FirstOrDefault(m => m.DeviceName == instance.RootDeviceName)?.Ebs?.VolumeId ?? "";
        var response = await calls.RunAsync("EC2 CreateSnapshots", token => clients.Ec2WithoutRetries.CreateSnapshotsAsync(new CreateSnapshotsRequest
        {
            InstanceSpecification = new InstanceSpecification { InstanceId = request.InstanceId, ExcludeBootVolume = false },
            Description = $"Before change {request.ChangeNumber} on {request.InstanceId}",
            CopyTagsFromSource = CopyTagsFromSource.Volume,
            TagSpecifications =
            [
                new TagSpecification
                {
                    ResourceType = ResourceType.Snapshot,
                    Tags =
                    [
                        new Tag(SnapshotTags.ChangeNumber, request.ChangeNumber),
                        new Tag(SnapshotTags.IdempotencyKey, request.IdempotencyKey),
                        new Tag(SnapshotTags.InstanceId, request.InstanceId),
                        new Tag(SnapshotTags.RootVolumeId, root),
                    ],
                },
            ],
        }, token), cancellationToken);
        var created = response.Snapshots ?? [];
        AwsLog.SnapshotsCreated(logger, request.InstanceId, request.ChangeNumber, created.Count);
        return Set(request, [.. created.Select(s => Volume(s.SnapshotId, s.VolumeId, s.VolumeSize, s.State, root))], foundExisting: false);
    }

    private Task<List<Snapshot>> FindAsync(SnapshotRequest request, CancellationToken cancellationToken) =>
        calls.RunAsync("EC2 DescribeSnapshots", async token =>
        {
            var found = new List<Snapshot>();
            var describe = new DescribeSnapshotsRequest
            {
                // Without an owner EC2 also searches every public snapshot.
                OwnerIds = ["self"],
                Filters =
                [
                    new Filter("tag:" + SnapshotTags.IdempotencyKey, [request.IdempotencyKey]),
                    new Filter("tag:" + SnapshotTags.InstanceId, [request.InstanceId]),
                ],
                MaxResults = 1000,
            };
            await foreach (var snapshot in clients.Ec2.Paginators.DescribeSnapshots(describe).Snapshots.WithCancellation(token))
            {
                found.Add(snapshot);
            }

            return found;
        }, cancellationToken);

    private static SnapshotSet Set(SnapshotRequest request, List<VolumeSnapshot> snapshots, bool foundExisting) => new()
    {
        InstanceId = request.InstanceId,
        ChangeNumber = request.ChangeNumber,
        IdempotencyKey = request.IdempotencyKey,
        Snapshots = snapshots,
        FoundExisting = foundExisting,
    };

    private static VolumeSnapshot Volume(string snapshotId, string volumeId, int? sizeGiB, Amazon.EC2.SnapshotState? state, string? rootVolumeId) => new()
    {
        SnapshotId = snapshotId,
        VolumeId = volumeId,
        IsRootVolume = rootVolumeId is { Length: > 0 } && volumeId == rootVolumeId,
        SizeGiB = sizeGiB,
        State = State(state),
    };

    private static SnapshotState State(Amazon.EC2.SnapshotState? state) =>
        state == Amazon.EC2.SnapshotState.Completed ? SnapshotState.Completed
        : state == Amazon.EC2.SnapshotState.Error ? SnapshotState.Error
        : SnapshotState.Pending;

    private static int? Percent(string? progress) =>
        int.TryParse(progress?.TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var percent) ? percent : null;

    private static RootVolumeRestore Restore(ReplaceRootVolumeTask task) => new()
    {
        TaskId = task.ReplaceRootVolumeTaskId,
        InstanceId = task.InstanceId,
        SnapshotId = task.SnapshotId,
        State = task.TaskState?.Value switch
        {
            "in-progress" => RootVolumeRestoreState.InProgress,
            "failing" => RootVolumeRestoreState.Failing,
            "succeeded" => RootVolumeRestoreState.Succeeded,
            "failed" => RootVolumeRestoreState.Failed,
            "failed-detached" => RootVolumeRestoreState.FailedDetached,
            _ => RootVolumeRestoreState.Pending,
        },
        StartedAt = Instant(task.StartTime),
        CompletedAt = Instant(task.CompleteTime),
    };

    // EC2 models these two times as strings, not timestamps.
    private static DateTimeOffset? Instant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;
}
