using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

/// <summary>GetCommandInvocation: InvocationDoesNotExist until the command's targets are resolved, as in the service.</summary>
internal sealed class GetCommandInvocationOperation : ISsmOperation
{
    private const int MaxOutput = 24_000;

    public string Name => "GetCommandInvocation";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var commandId = input.RequiredString("CommandId");
        var instanceId = input.RequiredString("InstanceId");
        var pluginName = input.String("PluginName");
        if (!Guid.TryParse(commandId, out _))
        {
            throw SsmErrors.InvalidCommandId();
        }

        if (!InstanceIdFormat.IsValid(instanceId))
        {
            throw SsmErrors.InvalidInstanceId();
        }

        var invocation = world.Commands.Find(commandId)?.Invocations.Find(i => i.Node.InstanceId == instanceId)
            ?? throw new SsmServiceException("InvocationDoesNotExist", "");
        if (pluginName is not null && pluginName != invocation.PluginName)
        {
            throw new SsmServiceException("InvalidPluginName", $"The plugin name {pluginName} is not valid.");
        }

        var command = invocation.Command;
        var started = invocation.StartedAt;
        return new JsonObject
        {
            ["CommandId"] = command.CommandId,
            ["InstanceId"] = instanceId,
            ["Comment"] = command.Comment,
            ["DocumentName"] = command.DocumentName,
            ["DocumentVersion"] = command.DocumentVersion,
            ["PluginName"] = invocation.PluginName,
            ["ResponseCode"] = invocation.ResponseCode,
            ["ExecutionStartDateTime"] = started is { } s ? SsmJson.Iso(s) : "",
            ["ExecutionElapsedTime"] = started is { } begin ? SsmJson.Duration((invocation.EndedAt ?? world.Now) - begin) : "",
            ["ExecutionEndDateTime"] = invocation.EndedAt is { } e && started is not null ? SsmJson.Iso(e) : "",
            ["Status"] = invocation.Status,
            ["StatusDetails"] = invocation.StatusDetails,
            ["StandardOutputContent"] = Truncate(invocation.StandardOutput),
            ["StandardOutputUrl"] = CommandJson.OutputUrl(invocation, "stdout"),
            ["StandardErrorContent"] = Truncate(invocation.StandardError),
            ["StandardErrorUrl"] = CommandJson.OutputUrl(invocation, "stderr"),
            ["CloudWatchOutputConfig"] = new JsonObject { ["CloudWatchLogGroupName"] = "", ["CloudWatchOutputEnabled"] = false },
        };
    }

    private static string Truncate(string text) => text.Length > MaxOutput ? text[..MaxOutput] : text;
}
