using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;
using ChangeOrchestrator.Simulators.Aws.Ssm.Documents;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>RegisterTaskWithMaintenanceWindow for RUN_COMMAND tasks; the other task types are not simulated.</summary>
internal sealed class RegisterTaskWithMaintenanceWindowOperation : ISsmOperation
{
    public string Name => "RegisterTaskWithMaintenanceWindow";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        var taskType = input.RequiredString("TaskType");
        if (taskType is not ("RUN_COMMAND" or "AUTOMATION" or "STEP_FUNCTIONS" or "LAMBDA"))
        {
            throw SsmErrors.Validation("taskType", "Member must satisfy enum value set: [RUN_COMMAND, AUTOMATION, STEP_FUNCTIONS, LAMBDA]", taskType);
        }

        if (taskType != "RUN_COMMAND")
        {
            throw new SsmServiceException("FeatureNotAvailableException", $"Task type {taskType} is not available in this account; only RUN_COMMAND tasks run here.");
        }

        var taskArn = input.RequiredString("TaskArn");
        var runner = SsmDocuments.Find(taskArn) ?? throw SsmErrors.DoesNotExist($"Document {taskArn} does not exist");
        var targets = input.Objects("Targets").Select(t => new CommandTarget(t.RequiredString("Key"), t.Strings("Values"))).ToList();
        ValidateTargets(window, targets);
        var maxConcurrency = input.String("MaxConcurrency");
        var maxErrors = input.String("MaxErrors");
        if (targets.Count > 0 && (maxConcurrency is null || maxErrors is null))
        {
            throw SsmErrors.Validation("maxConcurrency", "MaxConcurrency and MaxErrors are required when the task has targets");
        }

        if ((maxConcurrency is not null && !ExecutionLimit.IsValidConcurrency(maxConcurrency)) || (maxErrors is not null && !ExecutionLimit.IsValidErrors(maxErrors)))
        {
            throw SsmErrors.Validation("maxConcurrency", "MaxConcurrency or MaxErrors is not a count or a percentage");
        }

        var cutoffBehavior = input.String("CutoffBehavior") ?? "CONTINUE_TASK";
        if (cutoffBehavior is not ("CONTINUE_TASK" or "CANCEL_TASK"))
        {
            throw SsmErrors.Validation("cutoffBehavior", "Member must satisfy enum value set: [CONTINUE_TASK, CANCEL_TASK]", cutoffBehavior);
        }

        var runCommand = input.Object("TaskInvocationParameters")?.Object("RunCommand");
        var parameters = runCommand?.StringListMap("Parameters") ?? new Dictionary<string, IReadOnlyList<string>>();
        var sample = world.Ids.Guid();
        runner.ValidateParameters(parameters.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<string>)[.. p.Value.Select(v => v.Contains("{{", StringComparison.Ordinal) ? sample : v)],
            StringComparer.Ordinal));

        var task = new WindowTask
        {
            WindowTaskId = world.Ids.Guid(),
            TaskArn = taskArn,
            Targets = targets,
            MaxConcurrency = maxConcurrency ?? "1",
            MaxErrors = maxErrors ?? "0",
            Priority = input.Int("Priority") ?? 1,
            CutoffBehavior = cutoffBehavior,
            Parameters = parameters,
            Name = input.String("Name"),
            Description = input.String("Description"),
            ServiceRoleArn = input.String("ServiceRoleArn") ?? runCommand?.String("ServiceRoleArn"),
            Comment = runCommand?.String("Comment") ?? "",
            TimeoutSeconds = runCommand?.Int("TimeoutSeconds") ?? 3600,
            DocumentVersion = runCommand?.String("DocumentVersion"),
            OutputS3BucketName = runCommand?.String("OutputS3BucketName") ?? "",
            OutputS3KeyPrefix = runCommand?.String("OutputS3KeyPrefix") ?? "",
        };
        window.Tasks.Add(task);
        return new JsonObject { ["WindowTaskId"] = task.WindowTaskId };
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
