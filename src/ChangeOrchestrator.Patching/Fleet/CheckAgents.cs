using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>Checks which servers can receive a patch run now. It only reads, so running it again is harmless.</summary>
[Activity("Checks the servers' management agents: only servers whose agent is online can be scanned or patched now.", Category = "Fleet")]
[Outcomes("AllOnline", "SomeOffline", "NoneOnline")]
public sealed class CheckAgents(IPatchFleet fleet) : PatchingActivity<CheckAgents.Input, CheckAgents.Output>
{
    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var ids = context.Input.InstanceIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw new ActivityException($"CheckAgents '{context.ActivityId}' needs at least one instance id.", isTransient: false);
        }

        var agents = (await fleet.GetAgentStatusAsync(ids, cancellationToken))
            .OrderBy(a => a.InstanceId, StringComparer.Ordinal)
            .Select(AgentState.From)
            .ToList();
        var online = agents.Where(a => a.PingStatus == AgentPingStatus.Online).Select(a => a.InstanceId).ToList();
        var offline = agents.Where(a => a.PingStatus != AgentPingStatus.Online).Select(a => a.InstanceId).ToList();
        var outcome = offline.Count == 0 ? "AllOnline" : online.Count == 0 ? "NoneOnline" : "SomeOffline";
        if (offline.Count > 0)
        {
            context.Journal($"{offline.Count} of {agents.Count} agents are not online: {ServerList.Brief(offline)}");
        }

        // Tens of thousands of agents are written away a page at a time rather than held, as JSON, until the burst commits.
        var written = new Dictionary<string, JsonNode>();
        return Outcome(outcome, new Output
        {
            OnlineIds = await OutputList<string>.OfAsync(context, "onlineIds", online, written, cancellationToken),
            OfflineIds = await OutputList<string>.OfAsync(context, "offlineIds", offline, written, cancellationToken),
            OnlineCount = online.Count,
            OfflineCount = offline.Count,
            Agents = await OutputList<AgentState>.OfAsync(context, "agents", agents, written, cancellationToken),
        }, written);
    }

    public sealed record Input
    {
        [Description("The servers to check, e.g. the instanceIds of ResolveTargets.")]
        public required IReadOnlyList<string> InstanceIds { get; init; }
    }

    public sealed record Output
    {
        [Description("Servers whose agent is online: the ones to scan and patch.")]
        public required IReadOnlyList<string> OnlineIds { get; init; }

        [Description("Servers whose agent lost its connection, is inactive or never registered.")]
        public required IReadOnlyList<string> OfflineIds { get; init; }

        public required int OnlineCount { get; init; }

        public required int OfflineCount { get; init; }

        [Description("Each server's agent: ping status, last ping, version.")]
        public required IReadOnlyList<AgentState> Agents { get; init; }
    }
}
