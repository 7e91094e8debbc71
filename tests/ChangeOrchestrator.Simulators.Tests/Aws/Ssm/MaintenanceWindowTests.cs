using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class MaintenanceWindowTests
{
    [Fact]
    public async Task MaintenanceWindow_PatchTaskOnSchedule_RunsRunCommandAndSucceeds()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 40);
        var ssm = host.Ssm();
        var node = (await host.NodesAsync("?managed=true&platform=Linux")).First(n => n.PingStatus == "Online");
        var window = await ssm.CreateMaintenanceWindowAsync(new CreateMaintenanceWindowRequest
        {
            Name = "nightly-scan",
            Schedule = "cron(0 13 ? * * *)",
            Duration = 2,
            Cutoff = 1,
            AllowUnassociatedTargets = false,
        });
        var target = await ssm.RegisterTargetWithMaintenanceWindowAsync(new RegisterTargetWithMaintenanceWindowRequest
        {
            WindowId = window.WindowId,
            ResourceType = MaintenanceWindowResourceType.INSTANCE,
            Targets = [new Target { Key = "InstanceIds", Values = [node.InstanceId] }],
        });
        await ssm.RegisterTaskWithMaintenanceWindowAsync(new RegisterTaskWithMaintenanceWindowRequest
        {
            WindowId = window.WindowId,
            TaskType = MaintenanceWindowTaskType.RUN_COMMAND,
            TaskArn = "AWS-RunPatchBaseline",
            Targets = [new Target { Key = "WindowTargetIds", Values = [target.WindowTargetId] }],
            MaxConcurrency = "2",
            MaxErrors = "1",
            Priority = 1,
            TaskInvocationParameters = new MaintenanceWindowTaskInvocationParameters
            {
                RunCommand = new MaintenanceWindowRunCommandParameters
                {
                    Comment = "window {{WINDOW_EXECUTION_ID}}",
                    Parameters = new Dictionary<string, List<string>> { ["Operation"] = ["Scan"] },
                },
            },
        });
        var described = (await ssm.DescribeMaintenanceWindowsAsync(new DescribeMaintenanceWindowsRequest())).WindowIdentities.Single();

        host.Advance(TimeSpan.FromMinutes(61));
        var running = (await ssm.DescribeMaintenanceWindowExecutionsAsync(new DescribeMaintenanceWindowExecutionsRequest { WindowId = window.WindowId })).WindowExecutions.Single();
        host.Advance(TimeSpan.FromMinutes(5));
        var done = (await ssm.DescribeMaintenanceWindowExecutionsAsync(new DescribeMaintenanceWindowExecutionsRequest { WindowId = window.WindowId })).WindowExecutions.Single();
        var tasks = (await ssm.DescribeMaintenanceWindowExecutionTasksAsync(new DescribeMaintenanceWindowExecutionTasksRequest { WindowExecutionId = done.WindowExecutionId }))
            .WindowExecutionTaskIdentities;
        var invocation = (await ssm.DescribeMaintenanceWindowExecutionTaskInvocationsAsync(new DescribeMaintenanceWindowExecutionTaskInvocationsRequest
        {
            WindowExecutionId = done.WindowExecutionId,
            TaskId = tasks[0].TaskExecutionId,
        })).WindowExecutionTaskInvocationIdentities.Single();
        var command = (await ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = invocation.ExecutionId })).Commands.Single();

        Assert.Equal("2025-06-10T13:00Z", described.NextExecutionTime);
        Assert.Equal("IN_PROGRESS", running.Status.Value);
        Assert.Equal("SUCCESS", done.Status.Value);
        Assert.Equal("SUCCESS", tasks[0].Status.Value);
        Assert.Equal("Success", command.Status.Value);
        Assert.Equal($"window {done.WindowExecutionId}", command.Comment);
        Assert.Equal([done.WindowExecutionId], command.Parameters["SnapshotId"]);
        Assert.Equal(node.InstanceId, (await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { CommandId = command.CommandId })).CommandInvocations.Single().InstanceId);
    }

    [Fact]
    public async Task CreateMaintenanceWindow_CutoffNotBelowDuration_ThrowsValidation()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => host.Ssm().CreateMaintenanceWindowAsync(new CreateMaintenanceWindowRequest
        {
            Name = "bad-window",
            Schedule = "cron(0 2 ? * SUN *)",
            Duration = 2,
            Cutoff = 2,
            AllowUnassociatedTargets = true,
        }));

        Assert.Equal("ValidationException", error.ErrorCode);
    }

    [Fact]
    public async Task RegisterTargetWithMaintenanceWindow_UnknownWindow_ThrowsDoesNotExist()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        await Assert.ThrowsAsync<DoesNotExistException>(() => host.Ssm().RegisterTargetWithMaintenanceWindowAsync(new RegisterTargetWithMaintenanceWindowRequest
        {
            WindowId = "mw-0c50858d01aaaaaaa",
            ResourceType = MaintenanceWindowResourceType.INSTANCE,
            Targets = [new Target { Key = "tag:Patch Group", Values = ["Prod"] }],
        }));
    }

    [Fact]
    public async Task UpdateMaintenanceWindow_NewScheduleAndCutoff_AreStoredAndDescribed()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var created = await ssm.CreateMaintenanceWindowAsync(new CreateMaintenanceWindowRequest
        {
            Name = "prod-weekly",
            Schedule = "cron(0 2 ? * SUN *)",
            ScheduleTimezone = "Europe/London",
            Duration = 4,
            Cutoff = 1,
            AllowUnassociatedTargets = false,
            ClientToken = "window-token",
            Tags = [new Tag { Key = "managed-by", Value = "changeorchestrator" }],
        });

        var updated = await ssm.UpdateMaintenanceWindowAsync(new UpdateMaintenanceWindowRequest
        {
            WindowId = created.WindowId,
            Schedule = "cron(0 3 ? * SAT *)",
            Duration = 6,
            Cutoff = 2,
        });
        var described = await ssm.DescribeMaintenanceWindowsAsync(new DescribeMaintenanceWindowsRequest
        {
            Filters = [new MaintenanceWindowFilter { Key = "Name", Values = ["prod-weekly"] }],
        });
        var tags = await ssm.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceType = ResourceTypeForTagging.MaintenanceWindow, ResourceId = created.WindowId });

        Assert.Equal("cron(0 3 ? * SAT *)", updated.Schedule);
        Assert.Equal("Europe/London", updated.ScheduleTimezone);
        var window = Assert.Single(described.WindowIdentities);
        Assert.Equal((6, 2, "cron(0 3 ? * SAT *)"), (window.Duration, window.Cutoff, window.Schedule));
        Assert.Equal("2025-06-14T02:00Z", window.NextExecutionTime);
        Assert.Equal([("managed-by", "changeorchestrator")], tags.TagList.Select(t => (t.Key, t.Value)));
    }

    [Fact]
    public async Task UpdateMaintenanceWindow_CutoffNotBelowDuration_ThrowsValidationAndKeepsTheWindow()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var created = await ssm.CreateMaintenanceWindowAsync(new CreateMaintenanceWindowRequest
        {
            Name = "dev-weekly", Schedule = "rate(7 days)", Duration = 3, Cutoff = 1, AllowUnassociatedTargets = false,
        });

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.UpdateMaintenanceWindowAsync(new UpdateMaintenanceWindowRequest
        {
            WindowId = created.WindowId, Schedule = "cron(0 1 ? * MON *)", Cutoff = 3,
        }));
        var window = await ssm.GetMaintenanceWindowAsync(new GetMaintenanceWindowRequest { WindowId = created.WindowId });

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains("'cutoff'", error.Message, StringComparison.Ordinal);
        Assert.Equal(("rate(7 days)", 1), (window.Schedule, window.Cutoff));
        await Assert.ThrowsAsync<DoesNotExistException>(() => ssm.UpdateMaintenanceWindowAsync(new UpdateMaintenanceWindowRequest { WindowId = "mw-0aaaaaaaaaaaaaaaa", Duration = 2 }));
    }

    [Fact]
    public async Task CreateMaintenanceWindow_RepeatedClientToken_ReturnsSameWindowOrMismatch()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        var request = new CreateMaintenanceWindowRequest
        {
            Name = "test-weekly", Schedule = "cron(0 2 ? * WED *)", Duration = 2, Cutoff = 0, AllowUnassociatedTargets = false, ClientToken = "t-1",
        };

        var first = await ssm.CreateMaintenanceWindowAsync(request);
        var again = await ssm.CreateMaintenanceWindowAsync(request);
        request.Duration = 3;

        Assert.Equal(first.WindowId, again.WindowId);
        await Assert.ThrowsAsync<IdempotentParameterMismatchException>(() => ssm.CreateMaintenanceWindowAsync(request));
        await ssm.DeleteMaintenanceWindowAsync(new DeleteMaintenanceWindowRequest { WindowId = first.WindowId });
        Assert.Empty((await ssm.DescribeMaintenanceWindowsAsync(new DescribeMaintenanceWindowsRequest())).WindowIdentities);
    }
}
