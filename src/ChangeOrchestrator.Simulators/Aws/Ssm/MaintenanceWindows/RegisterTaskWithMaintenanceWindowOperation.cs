using System.Text.Json.Nodes;

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

        // A retried register with the same client token returns the task the first one made.
        if (input.String("ClientToken") is { } token && window.Tasks.Find(t => t.ClientToken == token) is { } earlier)
        {
            return new JsonObject { ["WindowTaskId"] = earlier.WindowTaskId };
        }

        if (window.Tasks.Count >= MaintenanceWindowLimits.TasksPerWindow)
        {
            throw new SsmServiceException("ResourceLimitExceededException", $"Maintenance window {window.WindowId} already has {MaintenanceWindowLimits.TasksPerWindow} tasks.");
        }

        var task = WindowTaskInput.Read(input, world, window, world.Ids.Guid(), current: null) with { ClientToken = input.String("ClientToken") };
        window.Tasks.Add(task);
        return new JsonObject { ["WindowTaskId"] = task.WindowTaskId };
    }
}
