using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class ListCommandsTests
{
    [Fact]
    public async Task ListCommands_Filters_SelectByDocumentStatusAndInvocationTime()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 60);
        var node = (await host.NodesAsync("?managed=true&platform=Linux")).First(n => n.PingStatus == "Online").InstanceId;
        var ssm = host.Ssm();
        var scan = await host.SendPatchAsync(ssm, "Scan", [node]);
        await host.RunCommandToEndAsync(ssm, scan, TimeSpan.FromSeconds(30));
        var startOfScript = host.Time.GetUtcNow();
        var script = (await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunShellScript",
            InstanceIds = [node],
            Comment = "CHG0042 validate",
            Parameters = new Dictionary<string, List<string>> { ["commands"] = ["curl -fsS localhost/health"] },
        })).Command.CommandId;

        var byDocument = await ssm.ListCommandsAsync(new ListCommandsRequest { Filters = [new CommandFilter { Key = CommandFilterKey.DocumentName, Value = "AWS-RunShellScript" }] });
        var succeeded = await ssm.ListCommandsAsync(new ListCommandsRequest { Filters = [new CommandFilter { Key = CommandFilterKey.Status, Value = "Success" }] });
        var recent = await ssm.ListCommandsAsync(new ListCommandsRequest
        {
            Filters = [new CommandFilter { Key = CommandFilterKey.InvokedAfter, Value = startOfScript.ToString("yyyy-MM-ddTHH:mm:ssZ") }],
        });
        var forNode = await ssm.ListCommandsAsync(new ListCommandsRequest { InstanceId = node });

        Assert.Equal([script], byDocument.Commands.Select(c => c.CommandId));
        Assert.Equal("CHG0042 validate", byDocument.Commands[0].Comment);
        Assert.Equal([scan], succeeded.Commands.Select(c => c.CommandId));
        Assert.Equal([script], recent.Commands.Select(c => c.CommandId));
        Assert.Equal([script, scan], forNode.Commands.Select(c => c.CommandId));
    }

    [Fact]
    public async Task ListCommandsAndInvocations_ByInstanceId_FindCommandsThatReachedTheNodeThroughTagsNewestFirst()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 60);
        var nodes = await host.NodesAsync("?managed=true");
        var node = nodes.First(n => n.PingStatus == "Online" && n.PatchGroup is not null);
        var outsider = nodes.First(n => n.PingStatus == "Online" && n.PatchGroup != node.PatchGroup);
        var ssm = host.Ssm();
        var byId = await host.SendPatchAsync(ssm, "Scan", [node.InstanceId]);
        var byTag = (await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunPatchBaseline",
            Targets = [new Target { Key = "tag:Patch Group", Values = [node.PatchGroup!] }],
            Parameters = new Dictionary<string, List<string>> { ["Operation"] = ["Scan"] },
        })).Command.CommandId;
        var later = await host.SendPatchAsync(ssm, "Scan", [node.InstanceId]);
        var beforeDispatch = await ssm.ListCommandsAsync(new ListCommandsRequest { InstanceId = node.InstanceId });
        host.Advance(TimeSpan.FromSeconds(5));

        var forNode = await ssm.ListCommandsAsync(new ListCommandsRequest { InstanceId = node.InstanceId });
        var forOutsider = await ssm.ListCommandsAsync(new ListCommandsRequest { InstanceId = outsider.InstanceId });

        // A command sent by tag names no node until its targets are resolved, after a newer one was sent by id; then it
        // is the node's, in its place by age.
        Assert.Equal([later, byId], beforeDispatch.Commands.Select(c => c.CommandId));
        Assert.Equal([later, byTag, byId], forNode.Commands.Select(c => c.CommandId));
        Assert.DoesNotContain(forOutsider.Commands, c => c.CommandId == byTag || c.CommandId == byId);

        // The node's invocations come from the same commands, its own only.
        var invocations = await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { InstanceId = node.InstanceId });
        Assert.Equal([later, byTag, byId], invocations.CommandInvocations.Select(i => i.CommandId));
        Assert.All(invocations.CommandInvocations, i => Assert.Equal(node.InstanceId, i.InstanceId));
        var ofTagCommand = await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { CommandId = byTag });
        Assert.Contains(ofTagCommand.CommandInvocations, i => i.InstanceId == node.InstanceId);
        Assert.All(ofTagCommand.CommandInvocations, i => Assert.Equal(byTag, i.CommandId));
    }

    [Fact]
    public async Task ListCommands_SdkPaginatorWithPageSizeOne_WalksEveryCommand()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 60);
        var node = (await host.NodesAsync("?managed=true")).First(n => n.PingStatus == "Online").InstanceId;
        var ssm = host.Ssm();
        var sent = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            sent.Add(await host.SendPatchAsync(ssm, "Scan", [node]));
        }

        var listed = new List<string>();
        await foreach (var command in ssm.Paginators.ListCommands(new ListCommandsRequest { MaxResults = 1 }).Commands)
        {
            listed.Add(command.CommandId);
        }

        Assert.Equal(Enumerable.Reverse(sent), listed);
    }

    [Fact]
    public async Task ListCommandInvocations_WithDetails_ReturnsPluginOutput()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 60);
        var node = (await host.NodesAsync("?managed=true&platform=Windows")).First(n => n.PingStatus == "Online").InstanceId;
        var ssm = host.Ssm();
        var scan = await host.SendPatchAsync(ssm, "Scan", [node]);
        await host.RunCommandToEndAsync(ssm, scan, TimeSpan.FromSeconds(30));

        var invocation = (await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { CommandId = scan, Details = true })).CommandInvocations.Single();
        var brief = (await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { CommandId = scan })).CommandInvocations.Single();

        var plugin = Assert.Single(invocation.CommandPlugins);
        Assert.Equal("PatchWindows", plugin.Name);
        Assert.Equal(0, plugin.ResponseCode);
        Assert.Contains("Patch Summary", plugin.Output, StringComparison.Ordinal);
        Assert.True(plugin.Output.Length <= 2500);
        Assert.NotNull(plugin.ResponseFinishDateTime);
        Assert.Null(brief.CommandPlugins);
    }

    [Fact]
    public async Task ListCommandsAndInvocations_UnknownCommandId_ThrowInvalidCommandId()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        await Assert.ThrowsAsync<InvalidCommandIdException>(() => host.Ssm().ListCommandsAsync(new ListCommandsRequest { CommandId = Guid.NewGuid().ToString() }));
        await Assert.ThrowsAsync<InvalidCommandIdException>(() => host.Ssm().ListCommandInvocationsAsync(new ListCommandInvocationsRequest { CommandId = Guid.NewGuid().ToString() }));
    }
}
