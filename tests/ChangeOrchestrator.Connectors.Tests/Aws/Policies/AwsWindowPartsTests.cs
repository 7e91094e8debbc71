using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Policies.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Policies;

/// <summary>The targets and tasks the policy registers with its maintenance windows, through the AWS SDK against the simulator.</summary>
public sealed class AwsWindowPartsTests
{
    [Fact]
    public async Task ApplyAsync_ShippedPolicy_RegistersEachGroupsTargetAndATaskThatInstallsOnlyForPreApprovedGroups()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();

        var applied = await service.ApplyAsync(await AwsPatchPolicyTargetTests.LoadAsync(PolicyFolder.Shipped()), allowDeletes: false, CancellationToken.None);
        var ssm = host.Ssm();
        var dev = await PartsAsync(ssm, "dev-weekly");
        var prod = await PartsAsync(ssm, "prod-weekly");

        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
        Assert.Equal(("patch-group-Dev", "tag:Patch Group", "Dev", "managed-by=changeorchestrator"),
            (dev.Target.Name, dev.Target.Targets.Single().Key, dev.Target.Targets.Single().Values.Single(), dev.Target.OwnerInformation));
        Assert.Equal(("AWS-RunPatchBaseline", "Install", "RebootIfNeeded", "50%", "25%"), Task(dev.Task));
        Assert.Equal([dev.Target.WindowTargetId], dev.Task.Targets.Single(t => t.Key == "WindowTargetIds").Values);
        Assert.Equal(("AWS-RunPatchBaseline", "Scan", "NoReboot", "10%", "1"), Task(prod.Task));
        Assert.StartsWith("managed-by=changeorchestrator", prod.Task.Description, StringComparison.Ordinal);
        Assert.Equal(MaintenanceWindowTaskCutoffBehavior.CANCEL_TASK, prod.Task.CutoffBehavior);
    }

    [Fact]
    public async Task PlanAsync_TaskEditedInSsm_ShowsDriftFieldByFieldAndApplyRestoresIt()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();
        var policy = await AwsPatchPolicyTargetTests.LoadAsync(PolicyFolder.Shipped());
        await service.ApplyAsync(policy, allowDeletes: false, CancellationToken.None);
        var ssm = host.Ssm();
        var prod = await PartsAsync(ssm, "prod-weekly");
        await ssm.UpdateMaintenanceWindowTaskAsync(new UpdateMaintenanceWindowTaskRequest
        {
            WindowId = prod.WindowId, WindowTaskId = prod.Task.WindowTaskId, MaxErrors = "50%",
            TaskInvocationParameters = new MaintenanceWindowTaskInvocationParameters
            {
                RunCommand = new MaintenanceWindowRunCommandParameters
                {
                    Parameters = new Dictionary<string, List<string>> { ["Operation"] = ["Install"], ["RebootOption"] = ["RebootIfNeeded"] },
                },
            },
        });

        var plan = await service.PlanAsync(policy, allowDeletes: false, CancellationToken.None);
        var restored = await service.ApplyAsync(policy, allowDeletes: false, CancellationToken.None);
        var writes = await AwsPatchPolicyTargetTests.WritesAsync(host);
        var again = await service.ApplyAsync(policy, allowDeletes: false, CancellationToken.None);

        var drift = Assert.Single(plan.Drift);
        Assert.Equal((PlanAction.Update, PolicyResourceKind.WindowTask, "patch-baseline-Prod", "prod-weekly"), (drift.Action, drift.Kind, drift.Name, drift.WindowName));
        Assert.Equal(
            [new FieldChange("maxErrors", "50%", "1"), new FieldChange("operation", "Install", "Scan"), new FieldChange("rebootOption", "RebootIfNeeded", "NoReboot")],
            drift.Fields);
        Assert.Contains("~ update task patch-baseline-Prod of maintenance window prod-weekly", plan.Render(), StringComparison.Ordinal);
        Assert.True(restored.Succeeded, string.Join("; ", restored.Errors));
        var after = Task((await PartsAsync(ssm, "prod-weekly")).Task);
        Assert.Equal(("Scan", "1"), (after.Operation, after.MaxErrors));
        Assert.Empty(again.Plan.Changes);
        Assert.Equal(writes, await AwsPatchPolicyTargetTests.WritesAsync(host));
    }

    [Fact]
    public async Task ApplyAsync_GroupPolicyLimitsChanged_UpdatesTheTaskInPlaceWithoutDrift()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        using var folder = PolicyFolder.CopyOfShipped();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();
        await service.ApplyAsync(await AwsPatchPolicyTargetTests.LoadAsync(folder.Path), allowDeletes: false, CancellationToken.None);
        var taskId = (await PartsAsync(host.Ssm(), "prod-weekly")).Task.WindowTaskId;
        folder.Edit("patch-groups.yaml", "      maxConcurrency: 10%", "      maxConcurrency: 20%");

        var applied = await service.ApplyAsync(await AwsPatchPolicyTargetTests.LoadAsync(folder.Path), allowDeletes: false, CancellationToken.None);
        var prod = await PartsAsync(host.Ssm(), "prod-weekly");

        var update = Assert.Single(applied.Applied);
        Assert.Equal((PlanAction.Update, PolicyResourceKind.WindowTask, false), (update.Action, update.Kind, update.Drift));
        Assert.Equal(new FieldChange("maxConcurrency", "10%", "20%"), Assert.Single(update.Fields));
        Assert.Equal((taskId, "20%"), (prod.Task.WindowTaskId, prod.Task.MaxConcurrency));
    }

    [Fact]
    public async Task ApplyAsync_GroupLeavesAWindow_HoldsBackItsTaskAndTargetUntilDeletesAreAllowed()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        using var folder = PolicyFolder.CopyOfShipped();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();
        await service.ApplyAsync(await AwsPatchPolicyTargetTests.LoadAsync(folder.Path), allowDeletes: false, CancellationToken.None);
        folder.Edit("maintenance-windows.yaml", "    patchGroups: [Test]\n", "    patchGroups: [Dev, Test]\n");
        folder.Edit("maintenance-windows.yaml", "    cutoff: 1\n    patchGroups: [Dev]\n", "    cutoff: 1\n    patchGroups: []\n");

        var held = await service.ApplyAsync(await AwsPatchPolicyTargetTests.LoadAsync(folder.Path), allowDeletes: false, CancellationToken.None);
        var devWhileHeld = await PartsOrNullAsync(host.Ssm(), "dev-weekly");
        var removed = await service.ApplyAsync(await AwsPatchPolicyTargetTests.LoadAsync(folder.Path), allowDeletes: true, CancellationToken.None);
        var devAfter = await PartsOrNullAsync(host.Ssm(), "dev-weekly");

        Assert.True(held.Succeeded, string.Join("; ", held.Errors));
        Assert.Equal(2, held.Plan.Changes.Count(c => c.HeldBack && c.WindowName == "dev-weekly"));
        Assert.Contains(held.Applied, c => c is { Kind: PolicyResourceKind.WindowTask, Action: PlanAction.Register, WindowName: "test-weekly", Name: "patch-baseline-Dev" });
        Assert.NotNull(devWhileHeld);
        Assert.Equal(
            [(PlanAction.Deregister, PolicyResourceKind.WindowTask), (PlanAction.Deregister, PolicyResourceKind.WindowTarget)],
            removed.Applied.Where(c => c.WindowName == "dev-weekly").Select(c => (c.Action, c.Kind)));
        Assert.Null(devAfter);
    }

    [Fact]
    public async Task PlanAsync_TaskRegisteredByHandInAManagedWindow_IsReportedAndLeftAlone()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();
        var policy = await AwsPatchPolicyTargetTests.LoadAsync(PolicyFolder.Shipped());
        await service.ApplyAsync(policy, allowDeletes: false, CancellationToken.None);
        var ssm = host.Ssm();
        var prod = await PartsAsync(ssm, "prod-weekly");
        var handMade = await ssm.RegisterTaskWithMaintenanceWindowAsync(new RegisterTaskWithMaintenanceWindowRequest
        {
            WindowId = prod.WindowId, TaskType = MaintenanceWindowTaskType.RUN_COMMAND, TaskArn = "AWS-RunPatchBaseline", Name = "install-now",
            Targets = [new Target { Key = "WindowTargetIds", Values = [prod.Target.WindowTargetId] }], MaxConcurrency = "100%", MaxErrors = "100%",
            TaskInvocationParameters = new MaintenanceWindowTaskInvocationParameters
            {
                RunCommand = new MaintenanceWindowRunCommandParameters { Parameters = new Dictionary<string, List<string>> { ["Operation"] = ["Install"] } },
            },
        });

        var plan = await service.PlanAsync(policy, allowDeletes: true, CancellationToken.None);

        Assert.Empty(plan.Changes);
        Assert.Contains(plan.Conflicts, c => c.Contains("prod-weekly", StringComparison.Ordinal) && c.Contains("install-now", StringComparison.Ordinal)
            && c.Contains("operation Install", StringComparison.Ordinal));
        Assert.Contains((await ssm.DescribeMaintenanceWindowTasksAsync(new DescribeMaintenanceWindowTasksRequest { WindowId = prod.WindowId })).Tasks,
            t => t.WindowTaskId == handMade.WindowTaskId);
    }

    private static (string TaskArn, string Operation, string RebootOption, string MaxConcurrency, string MaxErrors) Task(GetMaintenanceWindowTaskResponse task) => (
        task.TaskArn, task.TaskInvocationParameters.RunCommand.Parameters["Operation"].Single(), task.TaskInvocationParameters.RunCommand.Parameters["RebootOption"].Single(),
        task.MaxConcurrency, task.MaxErrors);

    private static async Task<(string WindowId, MaintenanceWindowTarget Target, GetMaintenanceWindowTaskResponse Task)> PartsAsync(IAmazonSimpleSystemsManagement ssm, string window) =>
        await PartsOrNullAsync(ssm, window) ?? throw new InvalidOperationException($"Window {window} has no target and task.");

    private static async Task<(string WindowId, MaintenanceWindowTarget Target, GetMaintenanceWindowTaskResponse Task)?> PartsOrNullAsync(IAmazonSimpleSystemsManagement ssm, string window)
    {
        var windowId = (await ssm.DescribeMaintenanceWindowsAsync(new DescribeMaintenanceWindowsRequest())).WindowIdentities.Single(w => w.Name == window).WindowId;
        var targets = (await ssm.DescribeMaintenanceWindowTargetsAsync(new DescribeMaintenanceWindowTargetsRequest { WindowId = windowId })).Targets ?? [];
        var tasks = (await ssm.DescribeMaintenanceWindowTasksAsync(new DescribeMaintenanceWindowTasksRequest { WindowId = windowId })).Tasks ?? [];
        if (targets.Count == 0 || tasks.Count == 0)
        {
            return null;
        }

        var task = await ssm.GetMaintenanceWindowTaskAsync(new GetMaintenanceWindowTaskRequest { WindowId = windowId, WindowTaskId = Assert.Single(tasks).WindowTaskId });
        return (windowId, Assert.Single(targets), task);
    }
}
