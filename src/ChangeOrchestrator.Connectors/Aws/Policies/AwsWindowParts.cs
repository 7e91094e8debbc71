using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Policies.Planning;

namespace ChangeOrchestrator.Connectors.Aws.Policies;

/// <summary>
/// The targets and tasks of a maintenance window: read back into the fields <see cref="WindowParts"/> plans with,
/// and registered, updated or deregistered. Window targets and tasks cannot be tagged in SSM, so what this product
/// registered carries <see cref="WindowParts.ManagedMarker"/> in the target's owner information and the task's
/// description; registers carry a client token so a retry after a lost answer does not register twice.
/// </summary>
internal sealed class AwsWindowParts(AwsClients clients, AwsCalls calls)
{
    public async Task<(List<DeployedWindowPart> Targets, List<DeployedWindowPart> Tasks)> ReadAsync(string windowId, CancellationToken cancellationToken)
    {
        var targets = await calls.RunAsync<List<MaintenanceWindowTarget>>("SSM DescribeMaintenanceWindowTargets", async token =>
        {
            var found = new List<MaintenanceWindowTarget>();
            await foreach (var target in clients.Ssm.Paginators.DescribeMaintenanceWindowTargets(new DescribeMaintenanceWindowTargetsRequest { WindowId = windowId, MaxResults = 100 }).Targets.WithCancellation(token))
            {
                found.Add(target);
            }

            return found;
        }, cancellationToken);
        var identities = await calls.RunAsync<List<MaintenanceWindowTask>>("SSM DescribeMaintenanceWindowTasks", async token =>
        {
            var found = new List<MaintenanceWindowTask>();
            await foreach (var task in clients.Ssm.Paginators.DescribeMaintenanceWindowTasks(new DescribeMaintenanceWindowTasksRequest { WindowId = windowId, MaxResults = 100 }).Tasks.WithCancellation(token))
            {
                found.Add(task);
            }

            return found;
        }, cancellationToken);

        var targetNames = targets.ToDictionary(t => t.WindowTargetId, t => t.Name ?? t.WindowTargetId, StringComparer.Ordinal);
        var tasks = new List<DeployedWindowPart>();
        foreach (var identity in identities)
        {
            // DescribeMaintenanceWindowTasks leaves out the invocation parameters, where the operation is.
            var task = await calls.RunAsync("SSM GetMaintenanceWindowTask", token => clients.Ssm.GetMaintenanceWindowTaskAsync(
                new GetMaintenanceWindowTaskRequest { WindowId = windowId, WindowTaskId = identity.WindowTaskId }, token), cancellationToken);
            tasks.Add(Task(task, targetNames));
        }

        return ([.. targets.Select(Target)], tasks);
    }

    public async Task<string?> ApplyAsync(PlannedChange change, CancellationToken cancellationToken)
    {
        var windowId = change.WindowId ?? throw new InvalidOperationException($"No window id to {change.Summary}.");
        switch (change.Action, change.Kind)
        {
            case (PlanAction.Register, PolicyResourceKind.WindowTarget):
                var target = change.Target!;
                var registered = await calls.RunAsync("SSM RegisterTargetWithMaintenanceWindow", token => clients.Ssm.RegisterTargetWithMaintenanceWindowAsync(new RegisterTargetWithMaintenanceWindowRequest
                {
                    WindowId = windowId,
                    ResourceType = MaintenanceWindowResourceType.INSTANCE,
                    Targets = PatchGroupTargets(target),
                    Name = target.Name,
                    OwnerInformation = WindowParts.ManagedMarker,
                    Description = $"Servers of patch group {target.PatchGroup}",
                    ClientToken = ClientTokens.For(change, windowId),
                }, token), cancellationToken);
                return registered.WindowTargetId;
            case (PlanAction.Update, PolicyResourceKind.WindowTarget):
                await calls.RunAsync("SSM UpdateMaintenanceWindowTarget", token => clients.Ssm.UpdateMaintenanceWindowTargetAsync(new UpdateMaintenanceWindowTargetRequest
                {
                    WindowId = windowId,
                    WindowTargetId = change.ResourceId,
                    Replace = true,
                    Targets = PatchGroupTargets(change.Target!),
                    Name = change.Target!.Name,
                    OwnerInformation = WindowParts.ManagedMarker,
                    Description = $"Servers of patch group {change.Target.PatchGroup}",
                }, token), cancellationToken);
                return change.ResourceId;
            case (PlanAction.Deregister, PolicyResourceKind.WindowTarget):
                await calls.RunAsync("SSM DeregisterTargetFromMaintenanceWindow", token => clients.Ssm.DeregisterTargetFromMaintenanceWindowAsync(
                    new DeregisterTargetFromMaintenanceWindowRequest { WindowId = windowId, WindowTargetId = change.ResourceId, Safe = true }, token), cancellationToken);
                return change.ResourceId;
            case (PlanAction.Register, PolicyResourceKind.WindowTask):
                var task = change.Task!;
                var created = await calls.RunAsync("SSM RegisterTaskWithMaintenanceWindow", token => clients.Ssm.RegisterTaskWithMaintenanceWindowAsync(new RegisterTaskWithMaintenanceWindowRequest
                {
                    WindowId = windowId,
                    TaskType = MaintenanceWindowTaskType.RUN_COMMAND,
                    TaskArn = WindowTaskSpec.Document,
                    Targets = TaskTargets(change),
                    MaxConcurrency = task.MaxConcurrency,
                    MaxErrors = task.MaxErrors,
                    Priority = 1,
                    CutoffBehavior = MaintenanceWindowTaskCutoffBehavior.CANCEL_TASK,
                    Name = task.Name,
                    Description = WindowParts.Description(task),
                    TaskInvocationParameters = Invocation(task),
                    ClientToken = ClientTokens.For(change, windowId),
                }, token), cancellationToken);
                return created.WindowTaskId;
            case (PlanAction.Update, PolicyResourceKind.WindowTask):
                var updated = change.Task!;
                await calls.RunAsync("SSM UpdateMaintenanceWindowTask", token => clients.Ssm.UpdateMaintenanceWindowTaskAsync(new UpdateMaintenanceWindowTaskRequest
                {
                    WindowId = windowId,
                    WindowTaskId = change.ResourceId,
                    Replace = true,
                    TaskArn = WindowTaskSpec.Document,
                    Targets = TaskTargets(change),
                    MaxConcurrency = updated.MaxConcurrency,
                    MaxErrors = updated.MaxErrors,
                    Priority = 1,
                    CutoffBehavior = MaintenanceWindowTaskCutoffBehavior.CANCEL_TASK,
                    Name = updated.Name,
                    Description = WindowParts.Description(updated),
                    TaskInvocationParameters = Invocation(updated),
                }, token), cancellationToken);
                return change.ResourceId;
            case (PlanAction.Deregister, PolicyResourceKind.WindowTask):
                await calls.RunAsync("SSM DeregisterTaskFromMaintenanceWindow", token => clients.Ssm.DeregisterTaskFromMaintenanceWindowAsync(
                    new DeregisterTaskFromMaintenanceWindowRequest { WindowId = windowId, WindowTaskId = change.ResourceId }, token), cancellationToken);
                return change.ResourceId;
            default:
                throw new InvalidOperationException($"No SSM write for {change.Summary}.");
        }
    }

    private static DeployedWindowPart Target(MaintenanceWindowTarget target)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["resourceType"] = target.ResourceType?.Value ?? "",
            ["targets"] = string.Join(" ", (target.Targets ?? []).Select(t => $"{t.Key}=[{string.Join(", ", t.Values ?? [])}]")),
        };
        if (!string.IsNullOrEmpty(target.OwnerInformation))
        {
            fields["ownerInformation"] = target.OwnerInformation;
        }

        return new DeployedWindowPart(target.WindowTargetId, target.Name, target.OwnerInformation == WindowParts.ManagedMarker, fields);
    }

    private static DeployedWindowPart Task(GetMaintenanceWindowTaskResponse task, Dictionary<string, string> targetNames)
    {
        var parameters = task.TaskInvocationParameters?.RunCommand?.Parameters ?? [];
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["taskArn"] = task.TaskArn ?? "",
            ["targets"] = string.Join(" ", (task.Targets ?? []).SelectMany(t => t.Key == "WindowTargetIds"
                ? (t.Values ?? []).Select(id => $"window target {targetNames.GetValueOrDefault(id, id)}")
                : [$"{t.Key}=[{string.Join(", ", t.Values ?? [])}]"])),
            ["maxConcurrency"] = task.MaxConcurrency ?? "",
            ["maxErrors"] = task.MaxErrors ?? "",
            ["priority"] = (task.Priority ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cutoffBehavior"] = task.CutoffBehavior?.Value ?? "CONTINUE_TASK",
        };
        foreach (var (name, field) in new[] { ("Operation", "operation"), ("RebootOption", "rebootOption") })
        {
            if (parameters.TryGetValue(name, out var values) && values is { Count: > 0 })
            {
                fields[field] = string.Join(", ", values);
            }
        }

        var managed = task.Description?.StartsWith(WindowParts.ManagedMarker, StringComparison.Ordinal) == true;
        return new DeployedWindowPart(task.WindowTaskId, task.Name, managed, fields);
    }

    private static List<Target> PatchGroupTargets(WindowTargetSpec target) =>
        [new Target { Key = WindowParts.PatchGroupTargetKey, Values = [target.PatchGroup] }];

    private static List<Target> TaskTargets(PlannedChange change) =>
        [new Target { Key = "WindowTargetIds", Values = [change.WindowTargetId ?? throw new InvalidOperationException($"No window target id to {change.Summary}.")] }];

    private static MaintenanceWindowTaskInvocationParameters Invocation(WindowTaskSpec task) => new()
    {
        RunCommand = new MaintenanceWindowRunCommandParameters
        {
            Comment = $"Patch policy: {task.Operation} on patch group {task.PatchGroup}",
            Parameters = new Dictionary<string, List<string>>
            {
                ["Operation"] = [task.Operation],
                ["RebootOption"] = [task.RebootOption],
            },
        },
    };
}
