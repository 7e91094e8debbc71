using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Fleet;

public sealed class AwsPatchFleetPatchGroupTests
{
    private static readonly string[] LiveStates = ["pending", "running", "stopping", "stopped"];

    [Fact]
    public async Task ListPatchGroupsAsync_Fleet_CountsLiveServersPerGroupAndAddsGroupsOnlyABaselineDeclares()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var baseline = await host.Ssm().CreatePatchBaselineAsync(new CreatePatchBaselineRequest
        {
            Name = "declared-only",
            OperatingSystem = Amazon.SimpleSystemsManagement.OperatingSystem.WINDOWS,
            ClientToken = Guid.NewGuid().ToString(),
        });
        await host.Ssm().RegisterPatchBaselineForPatchGroupAsync(new RegisterPatchBaselineForPatchGroupRequest { BaselineId = baseline.BaselineId, PatchGroup = "Declared" });
        var expected = (await host.NodesAsync())
            .Where(n => n.PatchGroup is not null && (n.Hybrid ? n.Managed : LiveStates.Contains(n.Ec2State)))
            .GroupBy(n => n.PatchGroup!)
            .ToDictionary(g => g.Key, g => g.Count());
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var groups = await fleet.ListPatchGroupsAsync(CancellationToken.None);

        Assert.Equal(expected.Keys.Append("Declared").Order(StringComparer.Ordinal), groups.Select(g => g.Name));
        Assert.All(groups.Where(g => g.Name != "Declared"), g => Assert.Equal(expected[g.Name], g.ServerCount));
        Assert.Equal(new PatchGroupSummary("Declared", 0, RegisteredToBaseline: true), groups.Single(g => g.Name == "Declared"));
    }
}
