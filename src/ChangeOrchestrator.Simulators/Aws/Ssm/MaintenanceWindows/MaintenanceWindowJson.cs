using System.Globalization;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal static class MaintenanceWindowJson
{
    public static JsonObject Identity(MaintenanceWindow window)
    {
        var json = new JsonObject
        {
            ["WindowId"] = window.WindowId,
            ["Name"] = window.Name,
            ["Enabled"] = window.Enabled,
            ["Duration"] = window.Duration,
            ["Cutoff"] = window.Cutoff,
            ["Schedule"] = window.ScheduleExpression,
        };
        Optional(json, "Description", window.Description);
        Optional(json, "ScheduleTimezone", window.ScheduleTimezone);
        Optional(json, "StartDate", window.StartDate);
        Optional(json, "EndDate", window.EndDate);
        if (window.ScheduleOffset is { } offset)
        {
            json["ScheduleOffset"] = offset;
        }

        if (window.Enabled && window.NextExecutionAt is { } next)
        {
            json["NextExecutionTime"] = next.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        }

        return json;
    }

    public static JsonArray Targets(IEnumerable<CommandTarget> targets) =>
        [.. targets.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Values"] = SsmJson.Strings(t.Values) })];

    public static JsonObject Execution(WindowExecution execution)
    {
        var json = new JsonObject
        {
            ["WindowId"] = execution.Window.WindowId,
            ["WindowExecutionId"] = execution.WindowExecutionId,
            ["Status"] = execution.Status,
            ["StatusDetails"] = execution.StatusDetails,
            ["StartTime"] = SsmJson.Epoch(execution.StartTime),
        };
        if (execution.EndTime is { } end)
        {
            json["EndTime"] = SsmJson.Epoch(end);
        }

        return json;
    }

    public static JsonObject TaskExecution(WindowExecution execution, WindowTaskExecution task)
    {
        var json = new JsonObject
        {
            ["WindowExecutionId"] = execution.WindowExecutionId,
            ["TaskExecutionId"] = task.TaskExecutionId,
            ["Status"] = task.Status,
            ["StatusDetails"] = task.StatusDetails,
            ["StartTime"] = SsmJson.Epoch(task.StartTime),
            ["TaskArn"] = task.Task.TaskArn,
            ["TaskType"] = "RUN_COMMAND",
        };
        if (task.EndTime is { } end)
        {
            json["EndTime"] = SsmJson.Epoch(end);
        }

        return json;
    }

    /// <summary>A task as GetMaintenanceWindowTask and UpdateMaintenanceWindowTask answer it, with its Run Command parameters.</summary>
    public static JsonObject Task(MaintenanceWindow window, WindowTask task)
    {
        var runCommand = new JsonObject
        {
            ["Parameters"] = new JsonObject(task.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)SsmJson.Strings(p.Value)))),
            ["TimeoutSeconds"] = task.TimeoutSeconds,
        };
        Optional(runCommand, "Comment", task.Comment is { Length: > 0 } comment ? comment : null);
        Optional(runCommand, "DocumentVersion", task.DocumentVersion);
        var json = new JsonObject
        {
            ["WindowId"] = window.WindowId,
            ["WindowTaskId"] = task.WindowTaskId,
            ["TaskArn"] = task.TaskArn,
            ["TaskType"] = "RUN_COMMAND",
            ["Targets"] = Targets(task.Targets),
            ["Priority"] = task.Priority,
            ["MaxConcurrency"] = task.MaxConcurrency,
            ["MaxErrors"] = task.MaxErrors,
            ["CutoffBehavior"] = task.CutoffBehavior,
            ["TaskInvocationParameters"] = new JsonObject { ["RunCommand"] = runCommand },
        };
        Optional(json, "ServiceRoleArn", task.ServiceRoleArn);
        Optional(json, "Name", task.Name);
        Optional(json, "Description", task.Description);
        return json;
    }

    public static void Optional(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
