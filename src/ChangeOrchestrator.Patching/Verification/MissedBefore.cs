using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Patching.Verification;

/// <summary>
/// What the rescanned servers missed before the change, read a page at a time from the scan's stored list and kept
/// compact: each distinct patch once, with the CVEs it fixes, and each server's list of those patches. A comparison
/// needs no more, so a 50,000-server list is never held as patches with their titles and classifications.
/// </summary>
internal sealed class MissedBefore
{
    private readonly Dictionary<string, List<PatchFixes>> _byServer;

    private MissedBefore(Dictionary<string, List<PatchFixes>> byServer)
    {
        _byServer = byServer;
    }

    public static async Task<MissedBefore> ReadAsync(
        ActivityContext context, JsonNode? before, IReadOnlySet<string> rescanned, CancellationToken cancellationToken)
    {
        var byServer = new Dictionary<string, List<PatchFixes>>(rescanned.Count, StringComparer.Ordinal);
        var patches = new Dictionary<string, PatchFixes>(StringComparer.Ordinal);
        await foreach (var server in context.ReadListAsync<InstanceMissingPatches>(before, "before", cancellationToken))
        {
            if (!rescanned.Contains(server.InstanceId))
            {
                continue;
            }

            if (!byServer.TryGetValue(server.InstanceId, out var missed))
            {
                byServer[server.InstanceId] = missed = [];
            }

            foreach (var patch in server.Patches)
            {
                if (!patches.TryGetValue(patch.Id, out var fixes))
                {
                    patches[patch.Id] = fixes = new PatchFixes(patch.Id);
                }

                fixes.Cves.UnionWith(patch.CveIds);
                missed.Add(fixes);
            }
        }

        return new MissedBefore(byServer);
    }

    /// <summary>The patches the server missed before (none when it was not in the list).</summary>
    public IReadOnlyList<PatchFixes> Of(string server) => _byServer.GetValueOrDefault(server) ?? [];

    /// <summary>A patch missed before, and the CVEs it fixes.</summary>
    public sealed record PatchFixes(string Id)
    {
        public HashSet<string> Cves { get; } = new(StringComparer.Ordinal);
    }
}
