using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class RunCommandProgressionTests
{
    [Fact]
    public async Task SendCommand_MaxConcurrency_StartsInvocationsInWaves()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 60);
        var ids = (await OnlineAsync(host, "Linux")).Take(7).Select(n => n.InstanceId).ToList();
        var ssm = host.Ssm();
        var send = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunShellScript",
            InstanceIds = ids,
            MaxConcurrency = "3",
            Parameters = new Dictionary<string, List<string>> { ["commands"] = ["systemctl is-active nginx"] },
        });

        var waves = new List<int>();
        for (var step = 0; step < 40 && waves.Sum() < ids.Count; step++)
        {
            host.Advance(TimeSpan.FromSeconds(1));
            var statuses = await StatusesAsync(ssm, send.Command.CommandId);
            Assert.True(statuses.Count(s => s == "InProgress") <= 3);
            var started = statuses.Count(s => s is "InProgress" or "Success");
            if (started > waves.Sum())
            {
                waves.Add(started - waves.Sum());
            }
        }

        Assert.Equal([3, 3, 1], waves);
        var command = await host.RunCommandToEndAsync(ssm, send.Command.CommandId, TimeSpan.FromSeconds(5));
        Assert.Equal("Success", command.Status.Value);
        Assert.Equal(7, command.TargetCount);
        Assert.Equal(7, command.CompletedCount);
    }

    [Fact]
    public async Task SendCommand_ErrorsBeyondMaxErrors_StopsDispatchingAndFails()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 60);
        var ids = (await OnlineAsync(host, "Linux")).Take(8).Select(n => n.InstanceId).ToList();
        await host.PostAsync("faults/script-failure", new { instanceIds = ids.Take(2).ToList() });
        var ssm = host.Ssm();
        var send = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunShellScript",
            InstanceIds = ids,
            MaxConcurrency = "2",
            MaxErrors = "1",
            Parameters = new Dictionary<string, List<string>> { ["commands"] = ["/opt/app/healthcheck.sh"] },
        });

        var command = await host.RunCommandToEndAsync(ssm, send.Command.CommandId, TimeSpan.FromSeconds(5));
        var invocations = (await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { CommandId = send.Command.CommandId })).CommandInvocations;

        // The first failure frees a slot before the second one lands, so a third invocation is already under way
        // when MaxErrors is exceeded: it finishes, and only the ones never dispatched are terminated.
        Assert.Equal("Failed", command.Status.Value);
        Assert.Equal(2, command.ErrorCount);
        Assert.Equal(["Failed", "Failed", "Success"], invocations.Take(3).Select(i => i.Status.Value));
        Assert.All(invocations.Skip(3), i =>
        {
            Assert.Equal("Cancelled", i.Status.Value);
            Assert.Equal("Terminated", i.StatusDetails);
        });
    }

    [Fact]
    public async Task SendCommand_FailuresWithinMaxErrors_CompletesAsIncomplete()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 60);
        var ids = (await OnlineAsync(host, "Linux")).Take(4).Select(n => n.InstanceId).ToList();
        await host.PostAsync("faults/script-failure", new { instanceIds = new[] { ids[0] } });
        var ssm = host.Ssm();
        var send = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunShellScript",
            InstanceIds = ids,
            MaxErrors = "25%",
            Parameters = new Dictionary<string, List<string>> { ["commands"] = ["true"] },
        });

        var command = await host.RunCommandToEndAsync(ssm, send.Command.CommandId, TimeSpan.FromSeconds(5));

        Assert.Equal("Success", command.Status.Value);
        Assert.Equal("Incomplete", command.StatusDetails);
        Assert.Equal(1, command.ErrorCount);
        Assert.Equal(4, command.CompletedCount);
    }

    [Fact]
    public async Task SendCommand_NodeWithLostAgent_IsDelayedThenDeliveryTimesOut()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 200);
        var offline = (await host.NodesAsync("?managed=true")).First(n => n.PingStatus == "ConnectionLost");
        var ssm = host.Ssm();
        var send = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunPatchBaseline",
            InstanceIds = [offline.InstanceId],
            TimeoutSeconds = 60,
            Parameters = new Dictionary<string, List<string>> { ["Operation"] = ["Scan"] },
        });

        host.Advance(TimeSpan.FromSeconds(10));
        var delayed = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = send.Command.CommandId, InstanceId = offline.InstanceId });
        host.Advance(TimeSpan.FromSeconds(60));
        var timedOut = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = send.Command.CommandId, InstanceId = offline.InstanceId });
        var command = (await ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = send.Command.CommandId })).Commands[0];

        Assert.Equal("Delayed", delayed.Status.Value);
        Assert.Equal("TimedOut", timedOut.Status.Value);
        Assert.Equal("DeliveryTimedOut", timedOut.StatusDetails);
        Assert.Equal(1, command.DeliveryTimedOutCount);
        Assert.Equal("TimedOut", command.Status.Value);
    }

    [Fact]
    public async Task CancelCommand_RunningCommand_CancelsUnfinishedInvocations()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 60);
        var ids = (await OnlineAsync(host, null)).Take(3).Select(n => n.InstanceId).ToList();
        var ssm = host.Ssm();
        var send = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunPatchBaseline",
            InstanceIds = ids,
            MaxConcurrency = "1",
            Parameters = new Dictionary<string, List<string>> { ["Operation"] = ["Scan"] },
        });
        host.Advance(TimeSpan.FromSeconds(10));

        await ssm.CancelCommandAsync(new CancelCommandRequest { CommandId = send.Command.CommandId });
        var cancelling = await StatusesAsync(ssm, send.Command.CommandId);
        host.Advance(TimeSpan.FromSeconds(5));
        var command = (await ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = send.Command.CommandId })).Commands[0];

        Assert.All(cancelling, s => Assert.Equal("Cancelling", s));
        Assert.Equal("Cancelled", command.Status.Value);
        Assert.Equal(3, command.CompletedCount);
        Assert.All(await StatusesAsync(ssm, send.Command.CommandId), s => Assert.Equal("Cancelled", s));
    }

    [Fact]
    public async Task SendCommand_LargeTimeScale_RunsAnInstallInAFractionOfARealSecond()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Simulators:Clock:TimeScale"] = "3600" });
        var node = (await OnlineAsync(host, "Linux")).First(n => !n.Hybrid).InstanceId;
        var ssm = host.Ssm();
        var install = await host.SendPatchAsync(ssm, "Install", [node]);

        host.Advance(TimeSpan.FromMilliseconds(500));
        var command = (await ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = install })).Commands.Single();

        Assert.Equal("Success", command.Status.Value);
    }

    [Fact]
    public async Task CancelCommand_UnknownCommand_ThrowsInvalidCommandId()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        await Assert.ThrowsAsync<InvalidCommandIdException>(() =>
            host.Ssm().CancelCommandAsync(new CancelCommandRequest { CommandId = Guid.NewGuid().ToString() }));
    }

    private static async Task<List<AwsSimulatorTestHost.NodeSummary>> OnlineAsync(AwsSimulatorTestHost host, string? platform) =>
        [.. (await host.NodesAsync("?managed=true" + (platform is null ? "" : "&platform=" + platform))).Where(n => n.PingStatus == "Online")];

    private static async Task<List<string>> StatusesAsync(IAmazonSimpleSystemsManagement ssm, string commandId) =>
        [.. (await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { CommandId = commandId })).CommandInvocations.Select(i => i.Status.Value)];
}
