using ChangeOrchestrator.Connectors.Tests.Aws.Fleet;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Compliance;

public sealed class AwsPatchComplianceTests
{
    [Fact]
    public async Task GetMissingPatchesAsync_WindowsServerBehindOnUpdates_ReturnsEveryMissingPatchWithCves()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        var windows = (await host.NodesAsync("&managed=true&platform=Windows")).Select(n => n.InstanceId).ToList();
        var state = (await fleet.GetPatchStatesAsync(windows, CancellationToken.None)).First(s => s.MissingCount > 0);

        var missing = await fleet.GetMissingPatchesAsync(state.InstanceId, CancellationToken.None);

        Assert.Equal(state.MissingCount + state.FailedCount, missing.Count);
        Assert.Equal(missing.Count, missing.Select(p => p.Id).Distinct().Count());
        Assert.All(missing, p => Assert.StartsWith("KB", p.Id, StringComparison.Ordinal));
        Assert.Contains(missing, p => p.CveIds.Count > 0 && p.CveIds.All(c => c.StartsWith("CVE-", StringComparison.Ordinal)));
        Assert.All(missing, p => Assert.False(string.IsNullOrEmpty(p.Classification)));
    }

    [Fact]
    public async Task GetMissingPatchesAsync_ServersMissingTheSamePatch_ShareOneInstanceOfIt()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        var windows = (await host.NodesAsync("&managed=true&platform=Windows")).Select(n => n.InstanceId).ToList();
        var behind = (await fleet.GetPatchStatesAsync(windows, CancellationToken.None)).Where(s => s.MissingCount > 0).Select(s => s.InstanceId).ToList();

        var missing = await fleet.GetMissingPatchesAsync(behind, CancellationToken.None);

        // The same patch read for several servers is one object: a fleet's scan page holds each patch's text once.
        var reports = missing.Values.SelectMany(patches => patches).ToList();
        var byId = reports.GroupBy(p => (p.Id, p.State)).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(byId);
        Assert.All(byId, group => Assert.All(group, patch => Assert.Same(group.First(), patch)));
        Assert.All(reports, p => Assert.NotNull(p.ReleaseDate));
    }

    [Fact]
    public async Task GetPatchStatesAsync_120Servers_AsksFiftyAtATime()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 160);
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        var nodes = await AwsPatchFleetCommandTests.OnlineNodesAsync(host, 120);

        var states = await fleet.GetPatchStatesAsync(nodes, CancellationToken.None);

        Assert.InRange(states.Count, 100, 120);
        Assert.All(states, s => Assert.Contains(s.InstanceId, nodes));
        Assert.All(states, s => Assert.Equal(s.MissingCount == 0 && s.FailedCount == 0 && s.InstalledPendingRebootCount == 0 && s.InstalledRejectedCount == 0, s.IsCompliant));
        Assert.Equal(3, (await host.CounterAsync("SSM.DescribeInstancePatchStates")).Calls);
    }

    [Fact]
    public async Task GetMissingPatchesAsync_UnknownInstance_ThrowsPermanentWithServiceMessage()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var error = await Assert.ThrowsAsync<FleetException>(() => fleet.GetMissingPatchesAsync("i-0123456789abcdef0", CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal("InvalidInstanceId", error.ErrorCode);
        Assert.Contains("i-0123456789abcdef0 is not a managed node", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await host.CounterAsync("SSM.DescribeInstancePatches")).Calls);
    }
}
