using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// Resolves a selector against both views of the fleet: SSM knows which servers have an agent and how it is doing,
/// EC2 knows instance names, tags and state. Tag criteria are filtered by the services, a page of 50 (SSM) or
/// 1,000 (EC2) servers per call. EC2 instances come with all their tags; hybrid nodes' tags live in SSM one node per
/// call, so a tag selection gives them the tags it proved and asks SSM by tag for exclusions (see
/// <see cref="AwsOptions.ReadAllHybridNodeTags"/>), while explicitly listed hybrid nodes have their tags read.
/// </summary>
internal sealed class TargetResolver(
    ManagedNodeReader nodes, Ec2InstanceReader instances, IOptions<AwsOptions> options, ILogger<TargetResolver> logger)
{
    public async Task<IReadOnlyList<ManagedInstance>> ResolveAsync(TargetSelector selector, CancellationToken cancellationToken)
    {
        if (!selector.HasCriteria)
        {
            throw new FleetException(
                "A target selector needs patch groups, an environment, tag filters or instance ids; an empty one would select the whole fleet.",
                isTransient: false);
        }

        var selected = selector.InstanceIds.Count > 0
            ? await ByIdsAsync(selector, cancellationToken)
            : await ByTagsAsync(selector, cancellationToken);
        AwsLog.TargetsResolved(logger, selected.Count, selected.Count(i => i.IsHybrid), selected.Count(i => i.PingStatus == AgentPingStatus.NotRegistered));
        return selected;
    }

    public async Task<IReadOnlyList<AgentStatus>> AgentStatusAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var registered = await nodes.ByIdsAsync(instanceIds, cancellationToken);
        return [.. instanceIds.Distinct(StringComparer.Ordinal).Select(id => FleetMapping.Agent(id, registered.GetValueOrDefault(id)))];
    }

    private async Task<List<ManagedInstance>> ByIdsAsync(TargetSelector selector, CancellationToken cancellationToken)
    {
        var registered = await nodes.ByIdsAsync(selector.InstanceIds, cancellationToken);
        var ec2 = await instances.ByIdsAsync(selector.InstanceIds, i => FleetMapping.FromEc2(i, registered.GetValueOrDefault(i.InstanceId)), cancellationToken);
        var hybridIds = registered.Keys.Where(FleetMapping.IsHybrid).ToList();
        var hybridTags = await nodes.HybridTagsAsync(hybridIds, cancellationToken);

        var known = new HashSet<string>(ec2.Select(i => i.InstanceId).Concat(hybridIds), StringComparer.Ordinal);
        var missing = selector.InstanceIds.Where(id => !known.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            AwsLog.InstancesNotFound(logger, string.Join(", ", missing));
        }

        return Select(
            ec2
                .Concat(hybridIds.Select(id => FleetMapping.FromHybrid(registered[id], hybridTags[id])))
                .Where(instance => selector.Includes(instance.Tags)));
    }

    private async Task<List<ManagedInstance>> ByTagsAsync(TargetSelector selector, CancellationToken cancellationToken)
    {
        // One query per patch group when there are several, so every hybrid node's group is known without a tag read.
        var queries = selector.PatchGroups.Count > 1 ? [.. selector.PatchGroups.Select(group => selector with { PatchGroups = [group] })] : new[] { selector };
        var registered = new Dictionary<string, (RegisteredNode Node, Dictionary<string, string> Proven)>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            var required = query.RequiredTags();
            var proven = required.Where(f => f.Values.Count == 1).ToDictionary(f => f.Key, f => f.Values[0], StringComparer.Ordinal);
            foreach (var (id, node) in await nodes.ByTagsAsync(required, cancellationToken))
            {
                registered[id] = (node, proven);
            }
        }

        // Each instance is mapped as its page is read: the SDK's instances, with their devices and interfaces, are not kept.
        var ec2 = await instances.ByTagsAsync(
            selector.RequiredTags(),
            i => FleetMapping.FromEc2(i, registered.GetValueOrDefault(i.InstanceId).Node) is var instance && selector.Includes(instance.Tags) ? instance : null,
            cancellationToken);
        var hybridIds = registered.Keys.Where(FleetMapping.IsHybrid).ToList();
        IEnumerable<ManagedInstance> hybrids;
        if (options.Value.ReadAllHybridNodeTags)
        {
            var tags = await nodes.HybridTagsAsync(hybridIds, cancellationToken);
            hybrids = hybridIds.Select(id => FleetMapping.FromHybrid(registered[id].Node, tags[id])).Where(h => selector.Includes(h.Tags));
        }
        else
        {
            var excluded = hybridIds.Count == 0 ? [] : await ExcludedAsync(selector.ExcludeTags, cancellationToken);
            hybrids = hybridIds.Where(id => !excluded.Contains(id)).Select(id => FleetMapping.FromHybrid(registered[id].Node, registered[id].Proven));
        }

        return Select(ec2.Concat(hybrids));
    }

    private async Task<HashSet<string>> ExcludedAsync(IReadOnlyList<TagFilter> exclusions, CancellationToken cancellationToken)
    {
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exclusion in exclusions)
        {
            excluded.UnionWith((await nodes.ByTagsAsync([exclusion], cancellationToken)).Keys);
        }

        return excluded;
    }

    private static List<ManagedInstance> Select(IEnumerable<ManagedInstance> candidates) =>
        [.. candidates.DistinctBy(instance => instance.InstanceId).OrderBy(instance => instance.InstanceId, StringComparer.Ordinal)];
}
