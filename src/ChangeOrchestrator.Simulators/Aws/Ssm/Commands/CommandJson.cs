using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

/// <summary>The Command and CommandInvocation shapes shared by SendCommand, ListCommands and ListCommandInvocations.</summary>
internal static class CommandJson
{
    public static JsonObject Command(RunCommand command)
    {
        var (status, details) = command.Summarize();
        return new JsonObject
        {
            ["CommandId"] = command.CommandId,
            ["DocumentName"] = command.DocumentName,
            ["DocumentVersion"] = command.DocumentVersion,
            ["Comment"] = command.Comment,
            ["ExpiresAfter"] = SsmJson.Epoch(command.ExpiresAfter),
            ["Parameters"] = SsmJson.StringListMap(command.Parameters),
            ["InstanceIds"] = SsmJson.Strings(command.RequestedInstanceIds),
            ["Targets"] = new JsonArray([.. command.Targets.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Values"] = SsmJson.Strings(t.Values) })]),
            ["RequestedDateTime"] = SsmJson.Epoch(command.RequestedAt),
            ["Status"] = status,
            ["StatusDetails"] = details,
            ["OutputS3Region"] = command.OutputS3Region,
            ["OutputS3BucketName"] = command.OutputS3BucketName,
            ["OutputS3KeyPrefix"] = command.OutputS3KeyPrefix,
            ["MaxConcurrency"] = command.MaxConcurrency,
            ["MaxErrors"] = command.MaxErrors,
            ["TargetCount"] = command.TargetCount,
            ["CompletedCount"] = command.CompletedCount,
            ["ErrorCount"] = command.ErrorCount,
            ["DeliveryTimedOutCount"] = command.DeliveryTimedOutCount,
            ["ServiceRole"] = command.ServiceRole,
            ["NotificationConfig"] = Notification(command),
            ["CloudWatchOutputConfig"] = CloudWatch(command),
            ["TimeoutSeconds"] = command.TimeoutSeconds,
        };
    }

    public static JsonObject Invocation(CommandInvocation invocation, bool details)
    {
        var command = invocation.Command;
        var json = new JsonObject
        {
            ["CommandId"] = command.CommandId,
            ["InstanceId"] = invocation.Node.InstanceId,
            ["InstanceName"] = invocation.Node.Ec2?.PrivateDnsName ?? invocation.Node.ComputerName,
            ["Comment"] = command.Comment,
            ["DocumentName"] = command.DocumentName,
            ["DocumentVersion"] = command.DocumentVersion,
            ["RequestedDateTime"] = SsmJson.Epoch(command.RequestedAt),
            ["Status"] = invocation.Status,
            ["StatusDetails"] = invocation.StatusDetails,
            ["StandardOutputUrl"] = OutputUrl(invocation, "stdout"),
            ["StandardErrorUrl"] = OutputUrl(invocation, "stderr"),
            ["ServiceRole"] = command.ServiceRole,
            ["NotificationConfig"] = Notification(command),
            ["CloudWatchOutputConfig"] = CloudWatch(command),
        };
        if (details)
        {
            json["CommandPlugins"] = new JsonArray(Plugin(invocation));
        }

        return json;
    }

    /// <summary>Where S3 output would be; the layout below the prefix is a best guess.</summary>
    public static string OutputUrl(CommandInvocation invocation, string stream)
    {
        var command = invocation.Command;
        if (command.OutputS3BucketName.Length == 0 || invocation.StartedAt is null)
        {
            return "";
        }

        var prefix = command.OutputS3KeyPrefix.Length > 0 ? command.OutputS3KeyPrefix.TrimEnd('/') + "/" : "";
        return $"https://s3.{command.OutputS3Region}.amazonaws.com/{command.OutputS3BucketName}/{prefix}{command.CommandId}/{invocation.Node.InstanceId}/{invocation.PluginName.Replace(':', '-')}/{stream}";
    }

    public static string PluginStatus(CommandInvocation invocation) => invocation.Status switch
    {
        InvocationStatus.Delayed => InvocationStatus.Pending,
        InvocationStatus.Cancelling => InvocationStatus.InProgress,
        _ => invocation.Status,
    };

    private static JsonObject Plugin(CommandInvocation invocation)
    {
        var command = invocation.Command;
        var output = invocation.StandardOutput + (invocation.StandardError.Length > 0 ? "\n----------ERROR-------\n" + invocation.StandardError : "");
        var plugin = new JsonObject
        {
            ["Name"] = invocation.PluginName,
            ["Status"] = PluginStatus(invocation),
            ["StatusDetails"] = invocation.StatusDetails,
            ["ResponseCode"] = invocation.ResponseCode,
            ["Output"] = output.Length > 2500 ? output[..2500] : output,
            ["StandardOutputUrl"] = OutputUrl(invocation, "stdout"),
            ["StandardErrorUrl"] = OutputUrl(invocation, "stderr"),
            ["OutputS3Region"] = command.OutputS3Region,
            ["OutputS3BucketName"] = command.OutputS3BucketName,
            ["OutputS3KeyPrefix"] = command.OutputS3KeyPrefix,
        };
        if (invocation.StartedAt is { } started)
        {
            plugin["ResponseStartDateTime"] = SsmJson.Epoch(started);
        }

        if (invocation.EndedAt is { } ended && invocation.StartedAt is not null)
        {
            plugin["ResponseFinishDateTime"] = SsmJson.Epoch(ended);
        }

        return plugin;
    }

    private static JsonNode Notification(RunCommand command) =>
        command.NotificationConfig?.DeepClone() ?? new JsonObject { ["NotificationArn"] = "", ["NotificationEvents"] = new JsonArray(), ["NotificationType"] = "" };

    private static JsonNode CloudWatch(RunCommand command) =>
        command.CloudWatchOutputConfig?.DeepClone() ?? new JsonObject { ["CloudWatchLogGroupName"] = "", ["CloudWatchOutputEnabled"] = false };
}
