using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;
using ChangeOrchestrator.Simulators.Aws.Ssm.Documents;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>
/// Reads a RUN_COMMAND task from RegisterTaskWithMaintenanceWindow or UpdateMaintenanceWindowTask with the
/// service's checks. An update without Replace keeps every member it leaves out; with Replace (and on register)
/// a member left out is cleared, and the members a register needs are required.
/// </summary>
internal static class WindowTaskInput
{
    public static WindowTask Read(SsmInput input, AwsWorld world, MaintenanceWindow window, string windowTaskId, WindowTask? current)
    {
        var keep = current is not null && input.Bool("Replace") != true;
        var taskArn = input.String("TaskArn") ?? (keep ? current!.TaskArn : throw SsmErrors.Required("TaskArn"));
        var runner = SsmDocuments.Find(taskArn) ?? throw SsmErrors.DoesNotExist($"Document {taskArn} does not exist");
        var targets = input.Has("Targets") || !keep
            ? input.Objects("Targets").Select(t => new CommandTarget(t.RequiredString("Key"), t.Strings("Values"))).ToList()
            : [.. current!.Targets];
        if (targets.Count == 0)
        {
            throw SsmErrors.Validation("targets", "One or more targets must be specified for maintenance window Run Command-type tasks");
        }

        if (targets.Count > 5)
        {
            throw SsmErrors.Validation("targets", "Member must have length less than or equal to 5", targets.Count);
        }

        ValidateTargets(window, targets);
        var maxConcurrency = input.String("MaxConcurrency") ?? (keep ? current!.MaxConcurrency : null);
        var maxErrors = input.String("MaxErrors") ?? (keep ? current!.MaxErrors : null);
        if (maxConcurrency is null || maxErrors is null)
        {
            throw SsmErrors.Validation(maxConcurrency is null ? "maxConcurrency" : "maxErrors", "MaxConcurrency and MaxErrors are required when the task has targets");
        }

        if (!ExecutionLimit.IsValidConcurrency(maxConcurrency))
        {
            throw SsmErrors.Validation("maxConcurrency", "Member must satisfy regular expression pattern: ^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$", maxConcurrency);
        }

        if (!ExecutionLimit.IsValidErrors(maxErrors))
        {
            throw SsmErrors.Validation("maxErrors", "Member must satisfy regular expression pattern: ^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$", maxErrors);
        }

        var priority = input.Int("Priority") ?? (keep ? current!.Priority : 1);
        if (priority < 0)
        {
            throw SsmErrors.Validation("priority", "Member must have value greater than or equal to 0", priority);
        }

        var cutoffBehavior = input.String("CutoffBehavior") ?? (keep ? current!.CutoffBehavior : "CONTINUE_TASK");
        if (cutoffBehavior is not ("CONTINUE_TASK" or "CANCEL_TASK"))
        {
            throw SsmErrors.Validation("cutoffBehavior", "Member must satisfy enum value set: [CONTINUE_TASK, CANCEL_TASK]", cutoffBehavior);
        }

        var name = input.String("Name") is { } given ? MaintenanceWindowInput.Name(given) : keep ? current!.Name : null;

        var description = input.String("Description") ?? (keep ? current!.Description : null);
        if (description is { Length: 0 or > 128 })
        {
            throw SsmErrors.Validation("description", "Member must have length between 1 and 128", description);
        }

        // TaskInvocationParameters are replaced as a whole when given, as the service does.
        var runCommand = input.Object("TaskInvocationParameters")?.Object("RunCommand");
        var invocationGiven = input.Has("TaskInvocationParameters") || !keep;
        var parameters = invocationGiven ? runCommand?.StringListMap("Parameters") ?? new Dictionary<string, IReadOnlyList<string>>() : current!.Parameters;
        var sample = world.Ids.Guid();
        runner.ValidateParameters(parameters.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<string>)[.. p.Value.Select(v => v.Contains("{{", StringComparison.Ordinal) ? sample : v)],
            StringComparer.Ordinal));

        return new WindowTask
        {
            WindowTaskId = windowTaskId,
            TaskArn = taskArn,
            Targets = targets,
            MaxConcurrency = maxConcurrency,
            MaxErrors = maxErrors,
            Priority = priority,
            CutoffBehavior = cutoffBehavior,
            Parameters = parameters,
            Name = name,
            Description = description,
            ServiceRoleArn = input.String("ServiceRoleArn") ?? runCommand?.String("ServiceRoleArn") ?? (keep ? current!.ServiceRoleArn : null),
            Comment = invocationGiven ? runCommand?.String("Comment") ?? "" : current!.Comment,
            TimeoutSeconds = invocationGiven ? runCommand?.Int("TimeoutSeconds") ?? 3600 : current!.TimeoutSeconds,
            DocumentVersion = invocationGiven ? runCommand?.String("DocumentVersion") : current!.DocumentVersion,
            OutputS3BucketName = invocationGiven ? runCommand?.String("OutputS3BucketName") ?? "" : current!.OutputS3BucketName,
            OutputS3KeyPrefix = invocationGiven ? runCommand?.String("OutputS3KeyPrefix") ?? "" : current!.OutputS3KeyPrefix,
        };
    }

    private static void ValidateTargets(MaintenanceWindow window, List<CommandTarget> targets)
    {
        foreach (var target in targets)
        {
            if (target.Key == "WindowTargetIds")
            {
                if (target.Values.FirstOrDefault(id => !window.Targets.Exists(t => t.WindowTargetId == id)) is { } unknown)
                {
                    throw SsmErrors.DoesNotExist($"Window target {unknown} does not exist in window {window.WindowId}");
                }
            }
            else if (!window.AllowUnassociatedTargets)
            {
                throw SsmErrors.Validation("targets", "Targets other than WindowTargetIds need AllowUnassociatedTargets on the window", target.Key);
            }
            else if (!CommandTargetResolver.IsSupportedKey(target.Key))
            {
                throw SsmErrors.Validation("targets.member.key", "Member must be a supported target key", target.Key);
            }
        }
    }
}
