using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class PatchingTests
{
    [Fact]
    public async Task SendCommand_InstallWithReboot_InstallsMissingPatchesAndRescanAgrees()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 120);
        var ssm = host.Ssm();
        var node = await NodeWithMissingPatchesAsync(host, ssm, "Windows");
        var before = await StateAsync(ssm, node);

        var install = await host.SendPatchAsync(ssm, "Install", [node]);
        var rebooting = await WaitForPingAsync(host, ssm, node, "ConnectionLost");
        var command = await host.RunCommandToEndAsync(ssm, install, TimeSpan.FromSeconds(30));
        host.Advance(TimeSpan.FromSeconds(10));
        var afterInstall = await StateAsync(ssm, node);
        var scan = await host.SendPatchAsync(ssm, "Scan", [node]);
        await host.RunCommandToEndAsync(ssm, scan, TimeSpan.FromSeconds(30));
        host.Advance(TimeSpan.FromSeconds(10));
        var afterScan = await StateAsync(ssm, node);
        var info = (await ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest
        {
            Filters = [new InstanceInformationStringFilter { Key = "InstanceIds", Values = [node] }],
        })).InstanceInformationList[0];

        Assert.True(rebooting);
        Assert.Equal("Success", command.Status.Value);
        Assert.Equal("Install", afterInstall.Operation.Value);
        Assert.Equal(0, afterInstall.MissingCount);
        Assert.True(afterInstall.InstalledCount > before.InstalledCount);
        Assert.Equal(0, afterInstall.InstalledPendingRebootCount);
        Assert.Equal("Scan", afterScan.Operation.Value);
        Assert.Equal(0, afterScan.MissingCount);
        Assert.Equal("Online", info.PingStatus.Value);
    }

    [Fact]
    public async Task SendCommand_InstallWithoutReboot_LeavesPatchesPendingReboot()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 120);
        var ssm = host.Ssm();
        var node = await NodeWithMissingPatchesAsync(host, ssm, "Windows");

        var install = await host.SendPatchAsync(ssm, "Install", [node], reboot: "NoReboot");
        await host.RunCommandToEndAsync(ssm, install, TimeSpan.FromSeconds(30));
        host.Advance(TimeSpan.FromSeconds(10));
        var state = await StateAsync(ssm, node);
        var pending = (await ssm.DescribeInstancePatchesAsync(new DescribeInstancePatchesRequest
        {
            InstanceId = node,
            Filters = [new PatchOrchestratorFilter { Key = "State", Values = ["InstalledPendingReboot"] }],
        })).Patches;

        Assert.True(state.InstalledPendingRebootCount > 0);
        Assert.Equal(0, state.MissingCount);
        Assert.NotNull(state.LastNoRebootInstallOperationTime);
        Assert.Equal("NoReboot", state.RebootOption.Value);
        Assert.NotEmpty(pending);
        // The service spells the state in PascalCase, which the SDK's INSTALLED_PENDING_REBOOT constant does not equal.
        Assert.All(pending, p => Assert.Equal("InstalledPendingReboot", p.State.Value));
        Assert.NotEqual(PatchComplianceDataState.INSTALLED_PENDING_REBOOT, pending[0].State);
    }

    [Fact]
    public async Task SendCommand_InstallWithInjectedPatchFailure_FailsWithFailedPatches()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 120);
        var ssm = host.Ssm();
        var node = await NodeWithMissingPatchesAsync(host, ssm, "Linux");
        await host.PostAsync("faults/patch-failure", new { instanceIds = new[] { node } });

        var install = await host.SendPatchAsync(ssm, "Install", [node]);
        var command = await host.RunCommandToEndAsync(ssm, install, TimeSpan.FromSeconds(30));
        host.Advance(TimeSpan.FromSeconds(10));
        var invocation = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = install, InstanceId = node });
        var failed = (await ssm.DescribeInstancePatchesAsync(new DescribeInstancePatchesRequest
        {
            InstanceId = node,
            Filters = [new PatchOrchestratorFilter { Key = "State", Values = ["Failed"] }],
        })).Patches;

        Assert.Equal("Failed", command.Status.Value);
        Assert.Equal(1, invocation.ResponseCode);
        Assert.Contains("Failed to install", invocation.StandardErrorContent, StringComparison.Ordinal);
        Assert.NotEmpty(failed);
        Assert.Equal(1, (await StateAsync(ssm, node)).FailedCount);
    }

    [Fact]
    public async Task SendCommand_AgentOfflineAfterReboot_InvocationTimesOutAndNodeStaysUnreachable()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 120);
        var ssm = host.Ssm();
        var node = await NodeWithMissingPatchesAsync(host, ssm, "Windows");
        await host.PostAsync("faults/agent-offline-after-reboot", new { instanceIds = new[] { node } });

        var install = await host.SendPatchAsync(ssm, "Install", [node]);
        host.Advance(TimeSpan.FromMinutes(30));
        var stuck = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = install, InstanceId = node });
        var command = await host.RunCommandToEndAsync(ssm, install, TimeSpan.FromMinutes(10));
        var invocation = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = install, InstanceId = node });

        Assert.Equal("InProgress", stuck.Status.Value);
        Assert.Equal("TimedOut", invocation.Status.Value);
        Assert.Equal("ExecutionTimedOut", invocation.StatusDetails);
        Assert.Equal("Failed", command.Status.Value);
        Assert.False(await WaitForPingAsync(host, ssm, node, "Online", steps: 3));
    }

    internal static async Task<string> NodeWithMissingPatchesAsync(AwsSimulatorTestHost host, IAmazonSimpleSystemsManagement ssm, string platform)
    {
        var candidates = (await host.NodesAsync("?managed=true&platform=" + platform))
            .Where(n => n.PingStatus == "Online" && !n.Hybrid).Select(n => n.InstanceId).Take(50).ToList();
        var states = (await ssm.DescribeInstancePatchStatesAsync(new DescribeInstancePatchStatesRequest { InstanceIds = candidates, MaxResults = 50 })).InstancePatchStates;
        return states.First(s => s.MissingCount > 2 && s.InstalledPendingRebootCount == 0 && s.FailedCount == 0).InstanceId;
    }

    internal static async Task<InstancePatchState> StateAsync(IAmazonSimpleSystemsManagement ssm, string instanceId) =>
        (await ssm.DescribeInstancePatchStatesAsync(new DescribeInstancePatchStatesRequest { InstanceIds = [instanceId] })).InstancePatchStates.Single();

    private static async Task<bool> WaitForPingAsync(AwsSimulatorTestHost host, IAmazonSimpleSystemsManagement ssm, string instanceId, string status, int steps = 60)
    {
        for (var i = 0; i < steps; i++)
        {
            var info = await ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest
            {
                Filters = [new InstanceInformationStringFilter { Key = "InstanceIds", Values = [instanceId] }],
            });
            if (info.InstanceInformationList[0].PingStatus.Value == status)
            {
                return true;
            }

            host.Advance(TimeSpan.FromSeconds(20));
        }

        return false;
    }
}
