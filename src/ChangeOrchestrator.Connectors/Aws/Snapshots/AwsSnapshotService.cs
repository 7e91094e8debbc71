using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;
using ChangeOrchestrator.Connectors.Aws.Fleet;
using ChangeOrchestrator.Connectors.Aws.RateLimits;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Filter = Amazon.EC2.Model.Filter;
using SnapshotState = ChangeOrchestrator.Patching.Snapshots.SnapshotState;

namespace ChangeOrchestrator.Connectors.Aws.Snapshots;

/// <summary>
/// <see cref="ISnapshotService"/> on EC2: CreateSnapshots for a crash-consistent set of every attached volume,
/// found again by tag before anything is created, and CreateReplaceRootVolumeTask (with a client token) to restore.
/// A batch costs one paged DescribeSnapshots per 200 keys, and for the servers without a set one paged
/// DescribeInstances and one paged DescribeVolumes (to start the largest volumes first) per 200 servers;
/// CreateSnapshots takes one instance per call, so that call stays one per server, and those calls go out concurrently,
/// paced by the operation's token bucket. Progress of a large set is read by its key, 1,000 a page.
/// </summary>
internal sealed class AwsSnapshotService(
    AwsClients clients, AwsCalls calls, Ec2InstanceReader instances, FindOrCreatePipeline pipeline, IOptions<AwsOptions> options,
    TimeProvider timeProvider, ILogger<AwsSnapshotService> logger)
    : ISnapshotService
{
    /// <summary>Snapshot ids per DescribeSnapshots call.</summary>
    private const int IdsPerCall = 200;

    /// <summary>Values per DescribeSnapshots filter that EC2 accepts in one call.</summary>
    private const int FilterValuesPerCall = 200;

    public async Task<IReadOnlyList<SnapshotSet>> CreateSnapshotsAsync(IReadOnlyList<SnapshotRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            Idempotency.Validate(request.IdempotencyKey, "idempotency key");
            if (FleetMapping.IsHybrid(request.InstanceId))
            {
                throw new FleetException($"{request.InstanceId} is a hybrid node: it has no EBS volumes to snapshot.", isTransient: false);
            }
        }

        var distinct = requests.DistinctBy(Key).ToList();
        if (distinct.Count == 0)
        {
            return [];
        }

        // One look for the whole batch before anything is created: every server's set left by an earlier run under
        // these keys, so a server that has one is never snapshotted twice.
        var keys = distinct.Select(r => r.IdempotencyKey).Distinct(StringComparer.Ordinal).ToList();
        var earlier = await pipeline.ExecuteAsync(async token => await FindByKeysAsync(keys, token), cancellationToken);
        var sets = new Dictionary<(string, string), SnapshotSet>();
        var missing = new List<SnapshotRequest>();
        foreach (var request in distinct)
        {
            if (earlier.TryGetValue(Key(request), out var found))
            {
                sets[Key(request)] = Found(request, found);
            }
            else
            {
                missing.Add(request);
            }
        }

        if (missing.Count > 0)
        {
            var roots = await RootVolumesAsync(missing, cancellationToken);

            // The set of a change ends when its slowest snapshot does, and a snapshot's time grows with its volume. At
            // EC2's 5 CreateSnapshots a second, 10,000 servers take half an hour to start: the largest go first, so that
            // no terabyte volume starts last.
            var largest = await LargestVolumesAsync(missing, cancellationToken);
            missing = [.. missing.OrderByDescending(r => largest.GetValueOrDefault(r.InstanceId))];
            var created = await FanOut.MapAsync(missing, options.Value.MaxConcurrentCalls, async (request, token) =>
                await CreateAsync(request, roots[request.InstanceId], token), cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                sets[Key(missing[i])] = created[i];
            }
        }

        return [.. requests.Select(r => sets[Key(r)])];
    }

    public async Task<SnapshotSetStatus> GetSnapshotStatusAsync(IReadOnlyCollection<string> snapshotIds, CancellationToken cancellationToken)
    {
        var batches = snapshotIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerCall).ToList();
        var read = await FanOut.MapAsync(batches, options.Value.MaxConcurrentCalls, async (batch, cancel) =>
        {
            var response = await calls.RunAsync("EC2 DescribeSnapshots", token =>
                clients.Ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [.. batch] }, token), cancel);
            return (response.Snapshots ?? []).Select(Progress).ToList();
        }, cancellationToken);
        return new SnapshotSetStatus { Snapshots = [.. read.SelectMany(r => r)] };
    }

    public async Task<SnapshotSetStatus> GetSnapshotStatusAsync(
        string idempotencyKey, IReadOnlyCollection<string> snapshotIds, CancellationToken cancellationToken)
    {
        Idempotency.Validate(idempotencyKey, "idempotency key");

        // By id costs a call per 200; by key a call per 1,000 of everything under the key. The smaller set wins.
        if (snapshotIds.Count <= IdsPerCall)
        {
            return await GetSnapshotStatusAsync(snapshotIds, cancellationToken);
        }

        var wanted = snapshotIds.ToHashSet(StringComparer.Ordinal);
        var found = await calls.RunAsync("EC2 DescribeSnapshots", async token =>
        {
            var progress = new List<SnapshotProgress>();
            var describe = new DescribeSnapshotsRequest
            {
                OwnerIds = ["self"],
                Filters = [new Filter("tag:" + SnapshotTags.IdempotencyKey, [idempotencyKey])],
                MaxResults = 1000,
            };
            await foreach (var snapshot in clients.Ec2.Paginators.DescribeSnapshots(describe).Snapshots.WithCancellation(token))
            {
                if (wanted.Contains(snapshot.SnapshotId))
                {
                    progress.Add(Progress(snapshot));
                }
            }

            return progress;
        }, cancellationToken);
        return new SnapshotSetStatus { Snapshots = found };
    }

    public async Task<PendingSnapshots> GetPendingAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        Idempotency.Validate(idempotencyKey, "idempotency key");

        // One page, never more: it answers "any left?", and its 1,000 samples say how long the slowest should take.
        var response = await calls.RunAsync("EC2 DescribeSnapshots", token => clients.Ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest
        {
            OwnerIds = ["self"],
            Filters =
            [
                new Filter("tag:" + SnapshotTags.IdempotencyKey, [idempotencyKey]),
                new Filter("status", ["pending"]),
            ],
            MaxResults = 1000,
        }, token), cancellationToken);
        var pending = response.Snapshots ?? [];
        return new PendingSnapshots { Any = pending.Count > 0, ExpectedRemaining = Remaining(pending) };
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

    /// <summary>
    /// The batch lookup was each server's first look, so the first attempt creates at once; a retry looks again for
    /// this server first, because the failed call may still have reached EC2 and created the set.
    /// </summary>
    private async Task<SnapshotSet> CreateAsync(SnapshotRequest request, string rootVolumeId, CancellationToken cancellationToken)
    {
        var attempts = 0;
        return await pipeline.ExecuteAsync(async token =>
        {
            if (attempts++ > 0 && await FindAsync(request, token) is { Count: > 0 } existing)
            {
                return Found(request, existing);
            }

            return await CreateOnceAsync(request, rootVolumeId, token);
        }, cancellationToken);
    }

    private async Task<SnapshotSet> CreateOnceAsync(SnapshotRequest request, string rootVolumeId, CancellationToken cancellationToken)
    {
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
                        new Tag(SnapshotTags.RootVolumeId, rootVolumeId),
                    ],
                },
            ],
        }, token), cancellationToken);
        var created = response.Snapshots ?? [];
        AwsLog.SnapshotsCreated(logger, request.InstanceId, request.ChangeNumber, created.Count);
        return Set(request, [.. created.Select(s => Volume(s.SnapshotId, s.VolumeId, s.VolumeSize, s.State, rootVolumeId))], foundExisting: false);
    }

    private SnapshotSet Found(SnapshotRequest request, List<Snapshot> existing)
    {
        AwsLog.SnapshotsFound(logger, request.InstanceId, request.ChangeNumber, existing.Count);
        var rootVolumeId = Tag(existing[0], SnapshotTags.RootVolumeId);
        return Set(request, [.. existing.Select(s => Volume(s.SnapshotId, s.VolumeId, s.VolumeSize, s.State, rootVolumeId))], foundExisting: true);
    }

    /// <summary>
    /// Each server's largest attached volume in GiB, from DescribeVolumes by attachment (200 servers a filter, 500
    /// volumes a page). Only the order of creation depends on it: a refusal (a role without ec2:DescribeVolumes) is
    /// logged and the snapshots are created in id order.
    /// </summary>
    private async Task<Dictionary<string, int>> LargestVolumesAsync(List<SnapshotRequest> requests, CancellationToken cancellationToken)
    {
        var batches = requests.Select(r => r.InstanceId).Distinct(StringComparer.Ordinal).Chunk(FilterValuesPerCall).ToList();
        try
        {
            var read = await FanOut.MapAsync(batches, options.Value.MaxConcurrentCalls, async (batch, cancel) =>
                await calls.RunAsync("EC2 DescribeVolumes", async token =>
                {
                    var sizes = new List<(string InstanceId, int SizeGiB)>();
                    var describe = new DescribeVolumesRequest { Filters = [new Filter("attachment.instance-id", [.. batch])], MaxResults = 500 };
                    await foreach (var volume in clients.Ec2.Paginators.DescribeVolumes(describe).Volumes.WithCancellation(token))
                    {
                        sizes.AddRange((volume.Attachments ?? []).Select(a => (a.InstanceId, volume.Size ?? 0)));
                    }

                    return sizes;
                }, cancel), cancellationToken);
            return read.SelectMany(r => r).GroupBy(v => v.InstanceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(v => v.SizeGiB), StringComparer.Ordinal);
        }
        catch (FleetException error) when (!error.IsTransient)
        {
            AwsLog.VolumeSizesUnread(logger, error.ErrorCode, requests.Count);
            return [];
        }
    }

    /// <summary>
    /// The root volume of each server, read in batches; a server EC2 does not know (or has terminated) fails the
    /// whole batch before anything is created, as CreateSnapshots would refuse it anyway.
    /// </summary>
    private async Task<Dictionary<string, string>> RootVolumesAsync(List<SnapshotRequest> requests, CancellationToken cancellationToken)
    {
        var ids = requests.Select(r => r.InstanceId).Distinct(StringComparer.Ordinal).ToList();
        var live = await pipeline.ExecuteAsync(
            async token => await instances.ByIdsAsync(
                ids,
                i => new InstanceRootVolume(i.InstanceId, (i.BlockDeviceMappings ?? []).FirstOrDefault(m => m.DeviceName == i.RootDeviceName)?.Ebs?.VolumeId ?? ""),
                token),
            cancellationToken);
        var roots = live.ToDictionary(i => i.InstanceId, i => i.VolumeId, StringComparer.Ordinal);
        var unknown = ids.Where(id => !roots.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new FleetException(
                $"EC2 DescribeInstances found no live instance {string.Join(", ", unknown)}: nothing was snapshotted.",
                isTransient: false, errorCode: "InvalidInstanceID.NotFound");
        }

        return roots;
    }

    /// <summary>Every snapshot tagged with one of the keys, by key and server: one paged read for a whole batch.</summary>
    private Task<Dictionary<(string, string), List<Snapshot>>> FindByKeysAsync(List<string> keys, CancellationToken cancellationToken) =>
        calls.RunAsync("EC2 DescribeSnapshots", async token =>
        {
            var found = new Dictionary<(string, string), List<Snapshot>>();
            foreach (var batch in keys.Chunk(FilterValuesPerCall))
            {
                var describe = new DescribeSnapshotsRequest
                {
                    // Without an owner EC2 also searches every public snapshot.
                    OwnerIds = ["self"],
                    Filters = [new Filter("tag:" + SnapshotTags.IdempotencyKey, [.. batch])],
                    MaxResults = 1000,
                };
                await foreach (var snapshot in clients.Ec2.Paginators.DescribeSnapshots(describe).Snapshots.WithCancellation(token))
                {
                    var key = Tag(snapshot, SnapshotTags.IdempotencyKey);
                    var instanceId = Tag(snapshot, SnapshotTags.InstanceId);
                    if (key is null || instanceId is null)
                    {
                        continue;
                    }

                    if (!found.TryGetValue((key, instanceId), out var set))
                    {
                        found[(key, instanceId)] = set = [];
                    }

                    set.Add(snapshot);
                }
            }

            return found;
        }, cancellationToken);

    /// <summary>One server's snapshots under its key: the look before a retried CreateSnapshots.</summary>
    private Task<List<Snapshot>> FindAsync(SnapshotRequest request, CancellationToken cancellationToken) =>
        calls.RunAsync("EC2 DescribeSnapshots", async token =>
        {
            var found = new List<Snapshot>();
            var describe = new DescribeSnapshotsRequest
            {
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

    /// <summary>The longest time left among the snapshots, each extrapolated from its progress since it started.</summary>
    private TimeSpan? Remaining(List<Snapshot> pending)
    {
        var now = timeProvider.GetUtcNow();
        TimeSpan? longest = null;
        foreach (var snapshot in pending)
        {
            var percent = Percent(snapshot.Progress) ?? 0;
            if (percent is <= 0 or >= 100 || FleetMapping.Utc(snapshot.StartTime) is not { } start)
            {
                continue;
            }

            var elapsed = now - start;
            var left = elapsed <= TimeSpan.Zero ? TimeSpan.Zero : elapsed * (100 - percent) / percent;
            longest = longest is { } known && known >= left ? known : left;
        }

        return longest;
    }

    private static SnapshotProgress Progress(Snapshot snapshot) => new()
    {
        SnapshotId = snapshot.SnapshotId,
        VolumeId = snapshot.VolumeId,
        State = State(snapshot.State),
        PercentDone = Percent(snapshot.Progress),
        Message = AwsText.OrNull(snapshot.StateMessage),
    };

    private static (string, string) Key(SnapshotRequest request) => (request.IdempotencyKey, request.InstanceId);

    private static string? Tag(Snapshot snapshot, string key) => snapshot.Tags?.FirstOrDefault(t => t.Key == key)?.Value;

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
