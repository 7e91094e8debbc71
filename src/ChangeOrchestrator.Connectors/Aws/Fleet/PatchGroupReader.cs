using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// Lists the patch groups of the fleet: the values of the Patch Group tag on live EC2 instances (one filtered
/// DescribeInstances per tag spelling), on registered hybrid nodes (their tags are read per node, as SSM has no other
/// way), and the groups registered to a patch baseline (DescribePatchGroups), which may have no server at all.
/// Checking one group needs none of that: filtered reads of the servers tagged with it (<see cref="FindAsync"/>).
/// </summary>
internal sealed class PatchGroupReader(AwsClients clients, AwsCalls calls, Ec2InstanceReader instances, ManagedNodeReader nodes)
{
    private const int MaxTagValueLength = 256;

    public async Task<IReadOnlyList<PatchGroupSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var servers = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var key in new[] { FleetTags.PatchGroup, FleetTags.PatchGroupWithoutSpace })
        {
            var tagged = await instances.ByTagsAsync([new TagFilter(key, [])], i => new PatchGroupMember(i.InstanceId, FleetTags.PatchGroupOf(FleetMapping.TagsOf(i))), cancellationToken);
            foreach (var instance in tagged)
            {
                Count(servers, instance.PatchGroup, instance.InstanceId);
            }

            var hybridIds = (await nodes.ByTagsAsync([new TagFilter(key, [])], cancellationToken)).Keys.Where(FleetMapping.IsHybrid).ToList();
            if (hybridIds.Count > 0)
            {
                foreach (var (id, tags) in await nodes.HybridTagsAsync(hybridIds, cancellationToken))
                {
                    Count(servers, FleetTags.PatchGroupOf(tags), id);
                }
            }
        }

        var registered = await RegisteredAsync(namePrefix: null, cancellationToken);
        return [.. servers.Keys.Union(registered, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => new PatchGroupSummary(name, servers.GetValueOrDefault(name)?.Count ?? 0, registered.Contains(name)))];
    }

    /// <summary>
    /// Whether one group exists, reading only servers tagged with it: per tag spelling, a page of the registered nodes
    /// (EC2 and hybrid) and then of the EC2 instances (also those whose agent never registered), stopping at the first
    /// server whose group it is; failing that, the baselines registered to a group of that name.
    /// </summary>
    public async Task<PatchGroupPresence> FindAsync(string name, CancellationToken cancellationToken)
    {
        // Tag values are 1 to 256 characters in both services, and SSM refuses an empty filter value.
        if (name.Length is 0 or > MaxTagValueLength)
        {
            return PatchGroupPresence.Absent;
        }

        if (await nodes.AnyTaggedAsync(FleetTags.PatchGroup, name, (_, _) => Task.FromResult(true), cancellationToken)
            || await instances.AnyTaggedAsync(FleetTags.PatchGroup, name, _ => true, cancellationToken))
        {
            return PatchGroupPresence.CarriedByServers;
        }

        // The spelling without a space counts only where the server has no Patch Group tag (FleetTags.PatchGroupOf): EC2
        // instances come with their tags, and a hybrid node's tags are read for the nodes the filter found, until one proves it.
        if (await nodes.AnyTaggedAsync(FleetTags.PatchGroupWithoutSpace, name, async (node, token) =>
                FleetMapping.IsHybrid(node.InstanceId)
                && FleetTags.PatchGroupOf((await nodes.HybridTagsAsync([node.InstanceId], token))[node.InstanceId]) == name,
                cancellationToken)
            || await instances.AnyTaggedAsync(FleetTags.PatchGroupWithoutSpace, name,
                instance => FleetTags.PatchGroupOf(FleetMapping.TagsOf(instance)) == name,
                cancellationToken))
        {
            return PatchGroupPresence.CarriedByServers;
        }

        return (await RegisteredAsync(name, cancellationToken)).Contains(name) ? PatchGroupPresence.DeclaredByBaseline : PatchGroupPresence.Absent;
    }

    private static void Count(Dictionary<string, HashSet<string>> servers, string? group, string instanceId)
    {
        if (string.IsNullOrEmpty(group))
        {
            return;
        }

        if (!servers.TryGetValue(group, out var ids))
        {
            servers[group] = ids = new HashSet<string>(StringComparer.Ordinal);
        }

        ids.Add(instanceId);
    }

    /// <summary>The groups registered to a patch baseline, all of them or those whose name starts with <paramref name="namePrefix"/>.</summary>
    private Task<HashSet<string>> RegisteredAsync(string? namePrefix, CancellationToken cancellationToken) =>
        calls.RunAsync("SSM DescribePatchGroups", async token =>
        {
            var groups = new HashSet<string>(StringComparer.Ordinal);
            var request = new DescribePatchGroupsRequest
            {
                Filters = namePrefix is null ? null : [new PatchOrchestratorFilter { Key = "NAME_PREFIX", Values = [namePrefix] }],
                MaxResults = 100,
            };
            await foreach (var mapping in clients.Ssm.Paginators.DescribePatchGroups(request).Mappings.WithCancellation(token))
            {
                groups.Add(mapping.PatchGroup);
            }

            return groups;
        }, cancellationToken);
}
