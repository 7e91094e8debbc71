using System.Collections.Concurrent;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Connectors.Aws.RateLimits;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// Reads registered nodes from SSM with as few calls as the API allows: DescribeInstanceInformation pages hold at
/// most 50 nodes, so ids go 50 to a call (one page each) and tag selections are filtered by the service.
/// </summary>
internal sealed class ManagedNodeReader(AwsClients clients, AwsCalls calls, IOptions<AwsOptions> options)
{
    /// <summary>DescribeInstanceInformation returns at most 50 nodes per page.</summary>
    public const int PageSize = 50;

    public async Task<Dictionary<string, RegisteredNode>> ByIdsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var batches = instanceIds.Distinct(StringComparer.Ordinal).Chunk(PageSize).ToList();
        var read = await FanOut.MapAsync(batches, options.Value.MaxConcurrentCalls, async (batch, token) =>
        {
            var request = new DescribeInstanceInformationRequest
            {
                Filters = [new InstanceInformationStringFilter { Key = "InstanceIds", Values = [.. batch] }],
                MaxResults = PageSize,
            };
            var part = new Dictionary<string, RegisteredNode>(StringComparer.Ordinal);
            await ReadAsync(request, part, token);
            return part;
        }, cancellationToken);
        var found = new Dictionary<string, RegisteredNode>(StringComparer.Ordinal);
        foreach (var (id, node) in read.SelectMany(part => part))
        {
            found[id] = node;
        }

        return found;
    }

    /// <summary>Nodes meeting every tag filter; EC2 instances are matched on their EC2 tags, hybrid nodes on their SSM tags.</summary>
    public async Task<Dictionary<string, RegisteredNode>> ByTagsAsync(IReadOnlyList<TagFilter> filters, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, RegisteredNode>(StringComparer.Ordinal);
        var request = new DescribeInstanceInformationRequest
        {
            Filters = [.. filters.Select(f => f.Values.Count == 0
                ? new InstanceInformationStringFilter { Key = "tag-key", Values = [f.Key] }
                : new InstanceInformationStringFilter { Key = "tag:" + f.Key, Values = [.. f.Values] })],
            MaxResults = PageSize,
        };
        await ReadAsync(request, found, cancellationToken);
        return found;
    }

    /// <summary>
    /// Whether a registered node carries the tag value and passes <paramref name="accepts"/>: pages of the nodes the
    /// tag filter selects, stopping at the first accepted, so proving that one exists costs one call, not a listing.
    /// </summary>
    public Task<bool> AnyTaggedAsync(
        string key, string value, Func<InstanceInformation, CancellationToken, Task<bool>> accepts, CancellationToken cancellationToken) =>
        calls.RunAsync("SSM DescribeInstanceInformation", async token =>
        {
            var request = new DescribeInstanceInformationRequest
            {
                // Alone: SSM refuses tag filters next to any other filter key.
                Filters = [new InstanceInformationStringFilter { Key = "tag:" + key, Values = [value] }],
                MaxResults = PageSize,
            };
            await foreach (var node in clients.Ssm.Paginators.DescribeInstanceInformation(request).InstanceInformationList.WithCancellation(token))
            {
                if (await accepts(node, token))
                {
                    return true;
                }
            }

            return false;
        }, cancellationToken);

    /// <summary>
    /// Tags of hybrid nodes. SSM keeps them per node and has no call that returns several nodes' tags, so this is one
    /// ListTagsForResource per node, a few at a time.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> HybridTagsAsync(
        IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var tags = new ConcurrentDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.TagReadConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(instanceIds, parallel, async (instanceId, token) =>
        {
            var response = await calls.RunAsync("SSM ListTagsForResource", t => clients.Ssm.ListTagsForResourceAsync(new ListTagsForResourceRequest
            {
                ResourceType = ResourceTypeForTagging.ManagedInstance,
                ResourceId = instanceId,
            }, t), token);
            tags[instanceId] = (response.TagList ?? []).ToDictionary(t => t.Key, t => t.Value ?? "", StringComparer.Ordinal);
        });
        return tags;
    }

    private Task<bool> ReadAsync(DescribeInstanceInformationRequest request, Dictionary<string, RegisteredNode> found, CancellationToken cancellationToken) =>
        calls.RunAsync("SSM DescribeInstanceInformation", async token =>
        {
            await foreach (var node in clients.Ssm.Paginators.DescribeInstanceInformation(request).InstanceInformationList.WithCancellation(token))
            {
                found[node.InstanceId] = RegisteredNode.From(node);
            }

            return true;
        }, cancellationToken);
}
