using Amazon.EC2.Model;
using ChangeOrchestrator.Connectors.Aws.RateLimits;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.Options;
using Filter = Amazon.EC2.Model.Filter;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// Reads EC2 instances (names, tags, state, platform) a thousand to a page. Ids go through the <c>instance-id</c>
/// filter rather than InstanceId.N, which fails the whole call on one unknown id and cannot be paged.
/// </summary>
internal sealed class Ec2InstanceReader(AwsClients clients, AwsCalls calls, IOptions<AwsOptions> options)
{
    /// <summary>DescribeInstances returns at most 1,000 instances per page.</summary>
    public const int PageSize = 1000;

    /// <summary>Values per filter that EC2 accepts in one call.</summary>
    public const int FilterValuesPerCall = 200;

    /// <summary>A page when one instance proves the point: small answers, and still one call when the filter matches any.</summary>
    private const int FirstMatchPageSize = 50;

    // Terminated and shutting-down instances stay visible for a while but will never be patched again.
    private static readonly List<string> LiveStates = ["pending", "running", "stopping", "stopped"];

    /// <summary>
    /// The live instances among <paramref name="instanceIds"/>, each taken as <paramref name="project"/> makes it as its
    /// page is read (null leaves it out), so that only what the caller needs of tens of thousands of instances is held.
    /// </summary>
    public async Task<List<T>> ByIdsAsync<T>(IReadOnlyCollection<string> instanceIds, Func<Instance, T?> project, CancellationToken cancellationToken)
        where T : class
    {
        var batches = instanceIds.Where(id => id.StartsWith("i-", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Chunk(FilterValuesPerCall).ToList();
        var read = await FanOut.MapAsync(batches, options.Value.MaxConcurrentCalls, async (batch, token) =>
            await ReadAsync([new Filter("instance-id", [.. batch]), new Filter("instance-state-name", LiveStates)], project, token), cancellationToken);
        return [.. read.SelectMany(r => r)];
    }

    /// <summary>The live instances meeting every tag filter, taken as <see cref="ByIdsAsync{T}"/> takes them.</summary>
    public Task<List<T>> ByTagsAsync<T>(IReadOnlyList<TagFilter> filters, Func<Instance, T?> project, CancellationToken cancellationToken)
        where T : class =>
        ReadAsync(
            [
                .. filters.Select(f => f.Values.Count == 0 ? new Filter("tag-key", [f.Key]) : new Filter("tag:" + f.Key, [.. f.Values])),
                new Filter("instance-state-name", LiveStates),
            ],
            project,
            cancellationToken);

    /// <summary>
    /// Whether a live instance carries the tag value and passes <paramref name="accepts"/>: pages of the instances
    /// the tag filter selects, stopping at the first accepted. The value is escaped, as EC2 reads <c>*</c> and
    /// <c>?</c> in filter values as wildcards.
    /// </summary>
    public Task<bool> AnyTaggedAsync(string key, string value, Func<Instance, bool> accepts, CancellationToken cancellationToken) =>
        calls.RunAsync("EC2 DescribeInstances", async token =>
        {
            var request = new DescribeInstancesRequest
            {
                Filters = [new Filter("tag:" + key, [EscapeWildcards(value)]), new Filter("instance-state-name", LiveStates)],
                MaxResults = FirstMatchPageSize,
            };
            await foreach (var reservation in clients.Ec2.Paginators.DescribeInstances(request).Reservations.WithCancellation(token))
            {
                if ((reservation.Instances ?? []).Any(accepts))
                {
                    return true;
                }
            }

            return false;
        }, cancellationToken);

    public Task<Instance> ByIdAsync(string instanceId, CancellationToken cancellationToken) =>
        calls.RunAsync("EC2 DescribeInstances", async token =>
        {
            var response = await clients.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, token);
            return (response.Reservations ?? []).SelectMany(r => r.Instances ?? []).Single();
        }, cancellationToken);

    private Task<List<T>> ReadAsync<T>(List<Filter> filters, Func<Instance, T?> project, CancellationToken cancellationToken)
        where T : class =>
        calls.RunAsync("EC2 DescribeInstances", async token =>
        {
            // A retried call starts over with a list of its own.
            var taken = new List<T>();
            var request = new DescribeInstancesRequest { Filters = filters, MaxResults = PageSize };
            await foreach (var reservation in clients.Ec2.Paginators.DescribeInstances(request).Reservations.WithCancellation(token))
            {
                foreach (var instance in reservation.Instances ?? [])
                {
                    if (project(instance) is { } value)
                    {
                        taken.Add(value);
                    }
                }
            }

            return taken;
        }, cancellationToken);

    /// <summary>A filter value that matches the text itself: EC2 takes a backslash before <c>*</c>, <c>?</c> and <c>\</c> as the character.</summary>
    public static string EscapeWildcards(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("?", "\\?", StringComparison.Ordinal);
}
