using Amazon.SimpleSystemsManagement;
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

    [Fact]
    public async Task FindPatchGroupAsync_GroupServersCarry_IsProvedByOnePageOfTheTaggedNodesWithoutATagRead()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        await host.ResetCountersAsync();

        var presence = await fleet.FindPatchGroupAsync("Prod", CancellationToken.None);

        Assert.Equal(PatchGroupPresence.CarriedByServers, presence);
        Assert.Equal(1, (await host.CounterAsync("SSM.DescribeInstanceInformation")).Calls);
        Assert.Equal(0, (await host.CounterAsync("SSM.ListTagsForResource")).Calls);
        Assert.Equal(0, (await host.CounterAsync("EC2.DescribeInstances")).Calls);
        Assert.Equal(0, (await host.CounterAsync("SSM.DescribePatchGroups")).Calls);
    }

    [Fact]
    public async Task FindPatchGroupAsync_GroupsOnlyTheSpellingWithoutASpaceCarries_AreFoundOnHybridAndEc2Servers()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var nodes = await host.NodesAsync();
        var hybrid = nodes.First(n => n.Hybrid && n.Managed && n.PatchGroup is not null);
        // One whose agent never registered if there is one: only EC2 knows it.
        var ec2 = nodes.Where(n => !n.Hybrid && n.Ec2State is "running" or "stopped").OrderBy(n => n.Managed).First();
        await RetagAsync(host, hybrid, "MetadataHybrid");
        await RetagAsync(host, ec2, "MetadataEc2");
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var hybridGroup = await fleet.FindPatchGroupAsync("MetadataHybrid", CancellationToken.None);
        var ec2Group = await fleet.FindPatchGroupAsync("MetadataEc2", CancellationToken.None);

        Assert.Equal(PatchGroupPresence.CarriedByServers, hybridGroup);
        Assert.Equal(PatchGroupPresence.CarriedByServers, ec2Group);
    }

    [Fact]
    public async Task FindPatchGroupAsync_SpellingWithoutASpaceBesideAPatchGroupTag_DoesNotMakeAGroup()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var nodes = await host.NodesAsync();
        var hybrid = nodes.First(n => n.Hybrid && n.Managed && n.PatchGroup is not null);
        var ec2 = nodes.First(n => !n.Hybrid && n.Ec2State == "running" && n.PatchGroup is not null);
        await host.Ssm().AddTagsToResourceAsync(new AddTagsToResourceRequest
        {
            ResourceType = ResourceTypeForTagging.ManagedInstance,
            ResourceId = hybrid.InstanceId,
            Tags = [new Tag { Key = "PatchGroup", Value = "Shadow" }],
        });
        await host.Ec2().CreateTagsAsync(new Amazon.EC2.Model.CreateTagsRequest([ec2.InstanceId], [new Amazon.EC2.Model.Tag("PatchGroup", "Shadow")]));
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var presence = await fleet.FindPatchGroupAsync("Shadow", CancellationToken.None);

        Assert.Equal(PatchGroupPresence.Absent, presence);
        Assert.DoesNotContain(await fleet.ListPatchGroupsAsync(CancellationToken.None), g => g.Name == "Shadow");
    }

    [Theory]
    [InlineData("Declared", PatchGroupPresence.DeclaredByBaseline)]
    [InlineData("Declare", PatchGroupPresence.Absent)]
    [InlineData("NoSuchGroup", PatchGroupPresence.Absent)]
    [InlineData("Pro*", PatchGroupPresence.Absent)]
    [InlineData("Pro?", PatchGroupPresence.Absent)]
    [InlineData("", PatchGroupPresence.Absent)]
    public async Task FindPatchGroupAsync_NameNoServerCarries_IsDeclaredOnlyWhenABaselineIsRegisteredToExactlyIt(string name, PatchGroupPresence expected)
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 40);
        var baseline = await host.Ssm().CreatePatchBaselineAsync(new CreatePatchBaselineRequest
        {
            Name = "declared-only",
            OperatingSystem = Amazon.SimpleSystemsManagement.OperatingSystem.WINDOWS,
            ClientToken = Guid.NewGuid().ToString(),
        });
        await host.Ssm().RegisterPatchBaselineForPatchGroupAsync(new RegisterPatchBaselineForPatchGroupRequest { BaselineId = baseline.BaselineId, PatchGroup = "Declared" });
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var presence = await fleet.FindPatchGroupAsync(name, CancellationToken.None);

        Assert.Equal(expected, presence);
    }

    /// <summary>Moves a server to <paramref name="group"/> under the tag key without a space, the one tags in instance metadata allow.</summary>
    private static async Task RetagAsync(AwsConnectorTestHost host, AwsConnectorTestHost.NodeSummary node, string group)
    {
        if (node.Hybrid)
        {
            await host.Ssm().RemoveTagsFromResourceAsync(new RemoveTagsFromResourceRequest
            {
                ResourceType = ResourceTypeForTagging.ManagedInstance,
                ResourceId = node.InstanceId,
                TagKeys = ["Patch Group"],
            });
            await host.Ssm().AddTagsToResourceAsync(new AddTagsToResourceRequest
            {
                ResourceType = ResourceTypeForTagging.ManagedInstance,
                ResourceId = node.InstanceId,
                Tags = [new Tag { Key = "PatchGroup", Value = group }],
            });
        }
        else
        {
            await host.Ec2().DeleteTagsAsync(new Amazon.EC2.Model.DeleteTagsRequest([node.InstanceId]) { Tags = [new Amazon.EC2.Model.Tag("Patch Group", null)] });
            await host.Ec2().CreateTagsAsync(new Amazon.EC2.Model.CreateTagsRequest([node.InstanceId], [new Amazon.EC2.Model.Tag("PatchGroup", group)]));
        }
    }
}
