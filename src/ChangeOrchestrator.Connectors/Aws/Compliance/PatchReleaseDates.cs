using System.Collections.Concurrent;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Connectors.Aws.Fleet;

namespace ChangeOrchestrator.Connectors.Aws.Compliance;

/// <summary>
/// Release dates of vendor patches from DescribeAvailablePatches (DescribeInstancePatches reports none). A release
/// date never changes, so each patch is looked up once per process: a nightly scan of a fleet asks only about the
/// patches it has not met before, at most 20 ids a call (the most one filter holds).
/// </summary>
internal sealed class PatchReleaseDates(AwsClients clients, AwsCalls calls)
{
    /// <summary>A PatchOrchestratorFilter holds at most 20 values.</summary>
    public const int IdsPerCall = 20;

    private readonly ConcurrentDictionary<string, IReadOnlyList<(string Title, DateTimeOffset? Released)>> _known = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The release date of each (id, title) found; an id the service lists for several products (a Linux package
    /// of several distributions) is told apart by its title, and left out when the title matches none of them.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Id, string Title), DateTimeOffset>> FindAsync(
        IReadOnlyCollection<(string Id, string Title)> patches, CancellationToken cancellationToken)
    {
        var unknown = patches.Select(p => p.Id).Where(id => !_known.ContainsKey(id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var batch in unknown.Chunk(IdsPerCall))
        {
            var found = await DescribeAsync(batch, cancellationToken);
            foreach (var id in batch)
            {
                // An id the service does not list is remembered too, so it is not asked about again on every scan.
                _known[id] = found.TryGetValue(id, out var list) ? list : [];
            }
        }

        var result = new Dictionary<(string Id, string Title), DateTimeOffset>();
        foreach (var patch in patches)
        {
            var candidates = _known.GetValueOrDefault(patch.Id) ?? [];
            var match = candidates.Count == 1 ? candidates[0] : candidates.FirstOrDefault(c => string.Equals(c.Title, patch.Title, StringComparison.Ordinal));
            if (match.Released is { } released)
            {
                result[patch] = released;
            }
        }

        return result;
    }

    private Task<Dictionary<string, List<(string Title, DateTimeOffset? Released)>>> DescribeAsync(string[] ids, CancellationToken cancellationToken)
    {
        var request = new DescribeAvailablePatchesRequest
        {
            Filters = [new PatchOrchestratorFilter { Key = "PATCH_ID", Values = [.. ids] }],
            MaxResults = 100,
        };
        return calls.RunAsync("SSM DescribeAvailablePatches", async token =>
        {
            var found = new Dictionary<string, List<(string Title, DateTimeOffset? Released)>>(StringComparer.OrdinalIgnoreCase);
            await foreach (var patch in clients.Ssm.Paginators.DescribeAvailablePatches(request).Patches.WithCancellation(token))
            {
                var id = PatchId(patch);
                if (id is null)
                {
                    continue;
                }

                if (!found.TryGetValue(id, out var list))
                {
                    found[id] = list = [];
                }

                list.Add((patch.Title ?? "", FleetMapping.Utc(patch.ReleaseDate)));
            }

            return found;
        }, cancellationToken);
    }

    /// <summary>The id DescribeInstancePatches reports as KBId: the KB number on Windows, name.arch on Linux.</summary>
    private static string? PatchId(Patch patch) =>
        !string.IsNullOrEmpty(patch.KbNumber) ? patch.KbNumber
        : !string.IsNullOrEmpty(patch.Name) ? string.IsNullOrEmpty(patch.Arch) ? patch.Name : $"{patch.Name}.{patch.Arch}"
        : null;
}
