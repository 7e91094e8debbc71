using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class SendCommandTests
{
    [Fact]
    public async Task SendCommand_TagTargets_ReturnsPendingCommandWithZeroCounts()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        var response = await host.Ssm().SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunPatchBaseline",
            Targets = [new Target { Key = "tag:Patch Group", Values = ["Dev"] }],
            Parameters = new Dictionary<string, List<string>> { ["Operation"] = ["Scan"] },
            Comment = "CHG0001234 scan",
        });

        var command = response.Command;
        Assert.True(Guid.TryParse(command.CommandId, out _));
        Assert.Equal("Pending", command.Status.Value);
        Assert.Equal(0, command.TargetCount);
        Assert.Equal(0, command.CompletedCount);
        Assert.Equal("CHG0001234 scan", command.Comment);
        Assert.Equal("50", command.MaxConcurrency);
        Assert.Equal("0", command.MaxErrors);
        Assert.True(command.ExpiresAfter > command.RequestedDateTime);
    }

    [Fact]
    public async Task GetCommandInvocation_BeforeTargetsAreResolved_ThrowsInvocationDoesNotExist()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync("?managed=true")).First(n => n.PingStatus == "Online");
        var ssm = host.Ssm();
        var commandId = await host.SendPatchAsync(ssm, "Scan", [node.InstanceId]);

        await Assert.ThrowsAsync<InvocationDoesNotExistException>(() =>
            ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = node.InstanceId }));

        host.Advance(TimeSpan.FromSeconds(2));
        var pending = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = node.InstanceId });
        Assert.Equal("Pending", pending.Status.Value);
        Assert.Equal(-1, pending.ResponseCode);
        Assert.Equal("", pending.ExecutionStartDateTime);
    }

    [Fact]
    public async Task GetCommandInvocation_FinishedScan_ReturnsSuccessWithSummaryOutput()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync("?managed=true&platform=Linux")).First(n => n.PingStatus == "Online");
        var ssm = host.Ssm();
        var commandId = await host.SendPatchAsync(ssm, "Scan", [node.InstanceId]);

        await host.RunCommandToEndAsync(ssm, commandId, TimeSpan.FromSeconds(30));
        var invocation = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = node.InstanceId });

        Assert.Equal("Success", invocation.Status.Value);
        Assert.Equal(0, invocation.ResponseCode);
        Assert.Equal("PatchLinux", invocation.PluginName);
        Assert.Contains("Patch Summary for " + node.InstanceId, invocation.StandardOutputContent, StringComparison.Ordinal);
        Assert.Matches("^PT[0-9.]+S$", invocation.ExecutionElapsedTime);
        Assert.NotEqual("", invocation.ExecutionEndDateTime);
        await Assert.ThrowsAsync<InvalidPluginNameException>(() => ssm.GetCommandInvocationAsync(
            new GetCommandInvocationRequest { CommandId = commandId, InstanceId = node.InstanceId, PluginName = "PatchWindows" }));
    }

    [Fact]
    public async Task SendCommand_UnknownInstance_ThrowsInvalidInstanceIdWithoutRetrying()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        await Assert.ThrowsAsync<InvalidInstanceIdException>(() => host.SendPatchAsync(host.Ssm(), "Scan", ["i-0123456789abcdef0"]));

        Assert.Equal(1, (await host.CounterAsync("SSM.SendCommand")).Calls);
    }

    [Fact]
    public async Task SendCommand_InstanceWhoseAgentNeverRegistered_ThrowsInvalidInstanceId()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 300);
        var unmanaged = (await host.NodesAsync("?managed=false")).First();

        await Assert.ThrowsAsync<InvalidInstanceIdException>(() => host.SendPatchAsync(host.Ssm(), "Scan", [unmanaged.InstanceId]));
    }

    [Fact]
    public async Task SendCommand_InvalidRequests_ThrowTheServiceErrors()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var nodes = await host.NodesAsync("?managed=true");
        var linux = nodes.First(n => n.Platform == "Linux").InstanceId;
        var windows = nodes.First(n => n.Platform == "Windows").InstanceId;
        var ssm = host.Ssm();

        await Assert.ThrowsAsync<InvalidDocumentException>(() => ssm.SendCommandAsync(new SendCommandRequest { DocumentName = "Acme-Patch", InstanceIds = [linux] }));
        await Assert.ThrowsAsync<InvalidParametersException>(() => ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunPatchBaseline",
            InstanceIds = [linux],
            Parameters = new Dictionary<string, List<string>> { ["Operation"] = ["Upgrade"] },
        }));
        await Assert.ThrowsAsync<DuplicateInstanceIdException>(() => host.SendPatchAsync(ssm, "Scan", [linux, linux]));
        await Assert.ThrowsAsync<UnsupportedPlatformTypeException>(() => ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunShellScript",
            InstanceIds = [windows],
            Parameters = new Dictionary<string, List<string>> { ["commands"] = ["uptime"] },
        }));
        var tooMany = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() =>
            host.SendPatchAsync(ssm, "Scan", Enumerable.Range(0, 51).Select(i => $"i-{i:x17}")));
        Assert.Equal("ValidationException", tooMany.ErrorCode);
    }
}
