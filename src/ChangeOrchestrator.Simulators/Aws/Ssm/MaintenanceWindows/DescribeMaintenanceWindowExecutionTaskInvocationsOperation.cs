using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>The invocation of a window task; its ExecutionId is the Run Command CommandId.</summary>
internal sealed class DescribeMaintenanceWindowExecutionTaskInvocationsOperation : ISsmOperation
{
    public string Name => "DescribeMaintenanceWindowExecutionTaskInvocations";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var execution = MaintenanceWindowLookup.Execution(world, input);
        var taskId = input.RequiredString("TaskId");
        var task = execution.Tasks.Find(t => t.TaskExecutionId == taskId)
            ?? throw SsmErrors.DoesNotExist($"Task execution {taskId} does not exist in window execution {execution.WindowExecutionId}");
        var invocations = new List<JsonObject>();
        if (task.Command is { } command)
        {
            var json = MaintenanceWindowJson.TaskExecution(execution, task);
            json.Remove("TaskArn");
            json["InvocationId"] = task.TaskExecutionId;
            json["ExecutionId"] = command.CommandId;
            json["Parameters"] = SsmJson.StringListMap(command.Parameters).ToJsonString();
            invocations.Add(json);
        }

        return new JsonObject { ["WindowExecutionTaskInvocationIdentities"] = new JsonArray([.. invocations]) };
    }
}
