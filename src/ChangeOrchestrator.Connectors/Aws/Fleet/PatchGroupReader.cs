using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// Lists the patch groups of the fleet: the values of the Patch Group tag on live EC2 instances (one filtered
/// DescribeInstances per tag spelling), on registered hybrid nodes (their tags are read per node, as SSM has no other
/// way), and the groups registered to a patch baseline (DescribePatchGroups), which may have no server at all.
/// </summary>
internal sealed class PatchGroupReader(AwsClients clients, AwsCalls calls, Ec2InstanceReader instances, ManagedNodeReader nodes)
{
    public async Task<IReadOnlyList<PatchGroupSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var servers = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var key in new[] { FleetTags.PatchGroup, FleetTags.PatchGroupWithoutSpace })
        {
            foreach (var instance in await instances.ByTagsAsync([new TagFilter(key, [])], cancellationToken))
            {
                var tags = (instance.Tags ?? []).ToDictionary(t => t.Key, t => t.Value ?? "", StringComparer.Ordinal);
                Count(servers, FleetTags.PatchGroupOf(tags), instance.InstanceId);
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

        var registered = await RegisteredAsync(cancellationToken);
        return [.. servers.Keys.Union(registered, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => new PatchGroupSummary(name, servers.GetValueOrDefault(name)?.Count ?? 0, registered.Contains(name)))];
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

    private Task<HashSet<string>> RegisteredAsync(CancellationToken cancellationToken) =>
        calls.RunAsync("SSM DescribePatchGroups", async token =>
        {
            var groups = new HashSet<string>(StringComparer.Ordinal);
            var request = new DescribePatchGroupsRequest { MaxResults = 100 };
            do
            {
                var response = await clients.Ssm.DescribePatchGroupsAsync(request, token);
                foreach (var mapping in response.Mappings ?? [])
                {
                    groups.Add(mapping.PatchGroup);
                }

                request.NextToken = response.NextToken;
            }
            while (!string.IsNullOrEmpty(request.NextToken));

            return groups;
        }, cancellationToken);
}
