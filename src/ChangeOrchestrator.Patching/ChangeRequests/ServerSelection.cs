using ChangeOrchestrator.Patching.ChangeRequests.Conflicts;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>The servers of a change among a larger list (the patch targets among the resolved servers), chosen by id.</summary>
internal static class ServerSelection
{
    public static IReadOnlyList<AffectedServer> Among(IReadOnlyList<AffectedServer> servers, IReadOnlyList<string> onlyIds)
    {
        if (onlyIds.Count == 0)
        {
            return servers;
        }

        var ids = onlyIds.ToHashSet(StringComparer.Ordinal);
        return [.. servers.Where(s => ids.Contains(s.InstanceId))];
    }
}
