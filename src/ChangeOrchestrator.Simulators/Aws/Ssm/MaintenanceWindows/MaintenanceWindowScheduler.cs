using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>
/// Runs maintenance windows on their schedule: at each start it runs the RUN_COMMAND tasks in priority order
/// (one Run Command per task over all its targets), stops starting tasks at the cutoff, cancels CANCEL_TASK
/// tasks then, and records executions that overlap a still-running one as SKIPPED_OVERLAPPING.
/// Starts due more than a day before the instant being caught up to are not replayed.
/// </summary>
internal sealed class MaintenanceWindowScheduler(AwsWorld world)
{
    private static readonly TimeSpan ReplayLimit = TimeSpan.FromDays(1);

    private readonly Dictionary<string, MaintenanceWindow> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WindowExecution> _executions = new(StringComparer.Ordinal);

    public IEnumerable<MaintenanceWindow> All => _windows.Values;

    public MaintenanceWindow? Find(string windowId) => _windows.GetValueOrDefault(windowId);

    public WindowExecution? FindExecution(string executionId) => _executions.GetValueOrDefault(executionId);

    public void Add(MaintenanceWindow window)
    {
        _windows[window.WindowId] = window;
        ScheduleNext(window, world.Now);
    }

    public void Remove(MaintenanceWindow window)
    {
        window.Generation++;
        _windows.Remove(window.WindowId);
    }

    /// <summary>After a schedule change: the start already planned no longer fires and the next one is planned anew.</summary>
    public void Reschedule(MaintenanceWindow window)
    {
        window.Generation++;
        ScheduleNext(window, world.Now);
    }

    public IReadOnlyList<FleetNode> ResolveTargets(MaintenanceWindow window, IReadOnlyList<CommandTarget> targets)
    {
        var nodes = world.Fleet.Nodes.Where(n => n.IsManaged && !n.IsTerminated);
        foreach (var target in targets)
        {
            if (target.Key == "WindowTargetIds")
            {
                var registered = window.Targets.Where(t => target.Values.Contains(t.WindowTargetId)).ToList();
                nodes = nodes.Where(n => registered.Exists(r => r.Targets.All(t => CommandTargetResolver.Matches(n, t))));
            }
            else
            {
                nodes = nodes.Where(n => CommandTargetResolver.Matches(n, target));
            }
        }

        return [.. nodes];
    }

    private void ScheduleNext(MaintenanceWindow window, DateTimeOffset after)
    {
        var next = window.Schedule.NextAfter(after, window.CreatedDate, world.Clock.ToReal);
        window.NextExecutionAt = next;
        if (next is { } at)
        {
            var generation = window.Generation;
            world.Timeline.Schedule(at, start =>
            {
                if (window.Generation == generation)
                {
                    Start(window, start);
                }
            });
        }
    }

    private void Start(MaintenanceWindow window, DateTimeOffset at)
    {
        ScheduleNext(window, at);
        if (!window.Enabled || world.Timeline.Horizon - at > ReplayLimit || !WithinDates(window, at))
        {
            return;
        }

        var overlapping = window.Executions.Exists(e => !e.IsTerminal);
        var execution = new WindowExecution(world.Ids.Guid(), window, at, overlapping);
        window.Executions.Add(execution);
        _executions[execution.WindowExecutionId] = execution;
        if (overlapping)
        {
            return;
        }

        foreach (var group in window.Tasks.GroupBy(t => t.Priority).OrderBy(g => g.Key))
        {
            execution.PendingGroups.Enqueue([.. group]);
        }

        var end = world.After(at, TimeSpan.FromHours(window.Duration));
        var cutoffAt = end - world.Clock.ToReal(TimeSpan.FromHours(window.Cutoff));
        world.Timeline.Schedule(cutoffAt, cutoff => Cutoff(execution, cutoff));
        StartNextGroup(execution, at);
    }

    private void StartNextGroup(WindowExecution execution, DateTimeOffset at)
    {
        if (execution.CutOff || !execution.PendingGroups.TryDequeue(out var group))
        {
            return;
        }

        var running = new List<WindowTaskExecution>();
        foreach (var task in group)
        {
            var taskExecution = new WindowTaskExecution(world.Ids.Guid(), task, at);
            execution.Tasks.Add(taskExecution);
            var nodes = ResolveTargets(execution.Window, task.Targets);
            if (nodes.Count == 0)
            {
                taskExecution.Outcome = ("SUCCESS", "No targets matched the task.", at);
                continue;
            }

            running.Add(taskExecution);
            taskExecution.Command = Send(execution, taskExecution, nodes, at);
        }

        if (running.Count == 0)
        {
            StartNextGroup(execution, at);
            return;
        }

        foreach (var taskExecution in running)
        {
            taskExecution.Command!.Completed = done =>
            {
                if (running.TrueForAll(t => t.IsTerminal))
                {
                    StartNextGroup(execution, done);
                }
            };
        }
    }

    private RunCommand Send(WindowExecution execution, WindowTaskExecution taskExecution, IReadOnlyList<FleetNode> nodes, DateTimeOffset at)
    {
        var task = taskExecution.Task;
        string Substitute(string value) => value
            .Replace("{{WINDOW_ID}}", execution.Window.WindowId, StringComparison.Ordinal)
            .Replace("{{WINDOW_EXECUTION_ID}}", execution.WindowExecutionId, StringComparison.Ordinal)
            .Replace("{{TASK_EXECUTION_ID}}", taskExecution.TaskExecutionId, StringComparison.Ordinal)
            .Replace("{{WINDOW_TASK_ID}}", task.WindowTaskId, StringComparison.Ordinal);

        var parameters = task.Parameters.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Select(Substitute)], StringComparer.Ordinal);
        if (task.TaskArn.EndsWith("AWS-RunPatchBaseline", StringComparison.Ordinal) && !parameters.ContainsKey("SnapshotId"))
        {
            parameters["SnapshotId"] = [execution.WindowExecutionId];
        }

        var command = new RunCommand
        {
            CommandId = world.Ids.Guid(),
            DocumentName = task.TaskArn,
            DocumentVersion = task.DocumentVersion ?? "$DEFAULT",
            Comment = Substitute(task.Comment),
            Parameters = parameters,
            RequestedInstanceIds = [.. nodes.Select(n => n.InstanceId)],
            Targets = [],
            RequestedAt = at,
            ExpiresAfter = world.After(at, TimeSpan.FromSeconds(task.TimeoutSeconds)),
            TimeoutSeconds = task.TimeoutSeconds,
            MaxConcurrency = task.MaxConcurrency,
            MaxErrors = task.MaxErrors,
            OutputS3Region = world.Options.Region,
            OutputS3BucketName = task.OutputS3BucketName,
            OutputS3KeyPrefix = task.OutputS3KeyPrefix,
            ServiceRole = task.ServiceRoleArn ?? "",
        };
        world.Commands.Submit(command);
        return command;
    }

    private void Cutoff(WindowExecution execution, DateTimeOffset at)
    {
        if (execution.PendingGroups.Count > 0)
        {
            execution.CutOff = true;
            execution.PendingGroups.Clear();
        }

        foreach (var taskExecution in execution.Tasks)
        {
            if (!taskExecution.IsTerminal && taskExecution.Task.CutoffBehavior == "CANCEL_TASK" && taskExecution.Command is { } command)
            {
                world.Commands.Cancel(command, null, at);
                taskExecution.Outcome = ("TIMED_OUT", "The task was cancelled at the maintenance window cutoff.", at);
            }
        }
    }

    private static bool WithinDates(MaintenanceWindow window, DateTimeOffset at) =>
        (window.StartDate is null || !SsmJson.TryParseIso(window.StartDate, out var start) || at >= start)
        && (window.EndDate is null || !SsmJson.TryParseIso(window.EndDate, out var end) || at <= end);
}
