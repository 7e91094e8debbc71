using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class TagsTests
{
    [Fact]
    public async Task ListTagsForResource_HybridNode_ReturnsItsGeneratedTags()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 100);
        var hybrid = (await host.NodesAsync()).First(n => n.Hybrid);

        var tags = await host.Ssm().ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceType = ResourceTypeForTagging.ManagedInstance, ResourceId = hybrid.InstanceId });

        Assert.Contains(tags.TagList, t => t.Key == "Patch Group" && t.Value == hybrid.PatchGroup);
        Assert.Contains(tags.TagList, t => t.Key == "Name" && t.Value == hybrid.Name);
    }

    [Fact]
    public async Task AddTagsToResource_PatchGroupOfHybridNode_MovesItIntoTheTargetedGroup()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 100);
        var hybrid = (await host.NodesAsync()).First(n => n.Hybrid && n.PingStatus == "Online");
        var ssm = host.Ssm();

        await ssm.AddTagsToResourceAsync(new AddTagsToResourceRequest
        {
            ResourceType = ResourceTypeForTagging.ManagedInstance,
            ResourceId = hybrid.InstanceId,
            Tags = [new Tag { Key = "Patch Group", Value = "Canary" }],
        });
        var send = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunPatchBaseline",
            Targets = [new Target { Key = "tag:Patch Group", Values = ["Canary"] }],
            Parameters = new Dictionary<string, List<string>> { ["Operation"] = ["Scan"] },
        });
        host.Advance(TimeSpan.FromSeconds(5));
        var invocations = await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { CommandId = send.Command.CommandId });

        Assert.Equal([hybrid.InstanceId], invocations.CommandInvocations.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task RemoveTagsFromResource_Key_RemovesOnlyThatTag()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 100);
        var hybrid = (await host.NodesAsync()).First(n => n.Hybrid);
        var ssm = host.Ssm();

        await ssm.RemoveTagsFromResourceAsync(new RemoveTagsFromResourceRequest { ResourceType = ResourceTypeForTagging.ManagedInstance, ResourceId = hybrid.InstanceId, TagKeys = ["Owner"] });
        var tags = await ssm.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceType = ResourceTypeForTagging.ManagedInstance, ResourceId = hybrid.InstanceId });

        Assert.DoesNotContain(tags.TagList, t => t.Key == "Owner");
        Assert.Contains(tags.TagList, t => t.Key == "Patch Group");
    }

    [Fact]
    public async Task AddTagsToResource_Ec2InstanceId_ThrowsInvalidResourceId()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var instance = (await host.NodesAsync()).First(n => !n.Hybrid);

        await Assert.ThrowsAsync<InvalidResourceIdException>(() => host.Ssm().AddTagsToResourceAsync(new AddTagsToResourceRequest
        {
            ResourceType = ResourceTypeForTagging.ManagedInstance,
            ResourceId = instance.InstanceId,
            Tags = [new Tag { Key = "Patch Group", Value = "Canary" }],
        }));
    }
}
