using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

/// <summary>Window targets and tasks through the AWS SDK: register, describe, get, update, deregister and their errors.</summary>
public sealed class MaintenanceWindowTaskTests
{
    [Fact]
    public async Task UpdateMaintenanceWindowTask_NewLimitsAndOperation_AreStoredAndGetReturnsThem()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var (windowId, targetId, taskId) = await WindowWithTaskAsync(ssm);

        var updated = await ssm.UpdateMaintenanceWindowTaskAsync(new UpdateMaintenanceWindowTaskRequest
        {
            WindowId = windowId, WindowTaskId = taskId, MaxErrors = "5%",
            TaskInvocationParameters = Parameters("Install"),
        });
        var task = await ssm.GetMaintenanceWindowTaskAsync(new GetMaintenanceWindowTaskRequest { WindowId = windowId, WindowTaskId = taskId });
        var described = (await ssm.DescribeMaintenanceWindowTasksAsync(new DescribeMaintenanceWindowTasksRequest { WindowId = windowId })).Tasks.Single();

        Assert.Equal(("5%", "2"), (updated.MaxErrors, updated.MaxConcurrency));
        Assert.Equal(["Install"], task.TaskInvocationParameters.RunCommand.Parameters["Operation"]);
        Assert.Equal(("AWS-RunPatchBaseline", "patch-prod"), (task.TaskArn, task.Name));
        Assert.Equal([targetId], task.Targets.Single(t => t.Key == "WindowTargetIds").Values);
        Assert.Equal(("5%", taskId), (described.MaxErrors, described.WindowTaskId));
    }

    [Fact]
    public async Task UpdateMaintenanceWindowTask_ReplaceWithoutTheRequiredMembers_ThrowsValidationAndKeepsTheTask()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var (windowId, _, taskId) = await WindowWithTaskAsync(ssm);

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.UpdateMaintenanceWindowTaskAsync(new UpdateMaintenanceWindowTaskRequest
        {
            WindowId = windowId, WindowTaskId = taskId, Replace = true, MaxErrors = "1",
        }));
        var task = await ssm.GetMaintenanceWindowTaskAsync(new GetMaintenanceWindowTaskRequest { WindowId = windowId, WindowTaskId = taskId });

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains("'taskArn'", error.Message, StringComparison.Ordinal);
        Assert.Equal("0", task.MaxErrors);
    }

    [Fact]
    public async Task RegisterTaskWithMaintenanceWindow_BadMaxConcurrencyOrUnknownTarget_ThrowsTheServiceErrors()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var (windowId, targetId, _) = await WindowWithTaskAsync(ssm);

        var badLimit = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.RegisterTaskWithMaintenanceWindowAsync(Task(windowId, targetId, maxConcurrency: "0")));
        var unknownTarget = await Assert.ThrowsAsync<DoesNotExistException>(() => ssm.RegisterTaskWithMaintenanceWindowAsync(Task(windowId, "e32eecb2-646c-4f4b-8ed1-205fbaaaaaaa", "2")));

        Assert.Equal("ValidationException", badLimit.ErrorCode);
        Assert.Contains("'maxConcurrency'", badLimit.Message, StringComparison.Ordinal);
        Assert.Contains("e32eecb2-646c-4f4b-8ed1-205fbaaaaaaa", unknownTarget.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterTaskWithMaintenanceWindow_RepeatedClientToken_ReturnsTheFirstTask()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var (windowId, targetId, _) = await WindowWithTaskAsync(ssm);
        var request = Task(windowId, targetId, "2");
        request.ClientToken = "retry-1";

        var first = await ssm.RegisterTaskWithMaintenanceWindowAsync(request);
        var again = await ssm.RegisterTaskWithMaintenanceWindowAsync(request);

        Assert.Equal(first.WindowTaskId, again.WindowTaskId);
        Assert.Equal(2, (await ssm.DescribeMaintenanceWindowTasksAsync(new DescribeMaintenanceWindowTasksRequest { WindowId = windowId })).Tasks.Count);
    }

    [Fact]
    public async Task DeregisterTargetFromMaintenanceWindow_SafeWhileATaskUsesIt_ThrowsTargetInUseUntilTheTaskIsGone()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var (windowId, targetId, taskId) = await WindowWithTaskAsync(ssm);

        await Assert.ThrowsAsync<TargetInUseException>(() => ssm.DeregisterTargetFromMaintenanceWindowAsync(new DeregisterTargetFromMaintenanceWindowRequest
        {
            WindowId = windowId, WindowTargetId = targetId, Safe = true,
        }));
        var removedTask = await ssm.DeregisterTaskFromMaintenanceWindowAsync(new DeregisterTaskFromMaintenanceWindowRequest { WindowId = windowId, WindowTaskId = taskId });
        var removedTarget = await ssm.DeregisterTargetFromMaintenanceWindowAsync(new DeregisterTargetFromMaintenanceWindowRequest
        {
            WindowId = windowId, WindowTargetId = targetId, Safe = true,
        });
        var targets = await ssm.DescribeMaintenanceWindowTargetsAsync(new DescribeMaintenanceWindowTargetsRequest { WindowId = windowId });

        Assert.Equal(taskId, removedTask.WindowTaskId);
        Assert.Equal(targetId, removedTarget.WindowTargetId);
        Assert.Empty(targets.Targets ?? []);
        await Assert.ThrowsAsync<DoesNotExistException>(() => ssm.DeregisterTaskFromMaintenanceWindowAsync(new DeregisterTaskFromMaintenanceWindowRequest { WindowId = windowId, WindowTaskId = taskId }));
    }

    [Fact]
    public async Task UpdateMaintenanceWindowTarget_NewTagValue_IsDescribed()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var (windowId, targetId, _) = await WindowWithTaskAsync(ssm);

        await ssm.UpdateMaintenanceWindowTargetAsync(new UpdateMaintenanceWindowTargetRequest
        {
            WindowId = windowId, WindowTargetId = targetId, Targets = [new Target { Key = "tag:Patch Group", Values = ["Test"] }],
        });
        var target = (await ssm.DescribeMaintenanceWindowTargetsAsync(new DescribeMaintenanceWindowTargetsRequest { WindowId = windowId })).Targets.Single();

        Assert.Equal(["Test"], target.Targets.Single().Values);
        Assert.Equal("owner-team", target.OwnerInformation);
    }

    private static async Task<(string WindowId, string TargetId, string TaskId)> WindowWithTaskAsync(IAmazonSimpleSystemsManagement ssm)
    {
        var window = await ssm.CreateMaintenanceWindowAsync(new CreateMaintenanceWindowRequest
        {
            Name = "prod-weekly", Schedule = "cron(0 2 ? * SUN *)", Duration = 4, Cutoff = 1, AllowUnassociatedTargets = false,
        });
        var target = await ssm.RegisterTargetWithMaintenanceWindowAsync(new RegisterTargetWithMaintenanceWindowRequest
        {
            WindowId = window.WindowId,
            ResourceType = MaintenanceWindowResourceType.INSTANCE,
            Targets = [new Target { Key = "tag:Patch Group", Values = ["Prod"] }],
            Name = "patch-group-Prod",
            OwnerInformation = "owner-team",
        });
        var task = await ssm.RegisterTaskWithMaintenanceWindowAsync(Task(window.WindowId, target.WindowTargetId, "2"));
        return (window.WindowId, target.WindowTargetId, task.WindowTaskId);
    }

    private static RegisterTaskWithMaintenanceWindowRequest Task(string windowId, string targetId, string maxConcurrency) => new()
    {
        WindowId = windowId,
        TaskType = MaintenanceWindowTaskType.RUN_COMMAND,
        TaskArn = "AWS-RunPatchBaseline",
        Targets = [new Target { Key = "WindowTargetIds", Values = [targetId] }],
        MaxConcurrency = maxConcurrency,
        MaxErrors = "0",
        Priority = 1,
        Name = "patch-prod",
        TaskInvocationParameters = Parameters("Scan"),
    };

    private static MaintenanceWindowTaskInvocationParameters Parameters(string operation) => new()
    {
        RunCommand = new MaintenanceWindowRunCommandParameters { Parameters = new Dictionary<string, List<string>> { ["Operation"] = [operation] } },
    };
}
