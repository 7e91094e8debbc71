using System.ComponentModel;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Engine.Activities.Flow;

[Activity("Writes a message to the instance's journal and the server log.", Category = "Flow")]
public sealed partial class Log(ILogger<Log> logger) : Activity<Log.Input>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        context.Journal(context.Input.Message);
        var level = context.Input.Level switch
        {
            LogLevelName.Debug => LogLevel.Debug,
            LogLevelName.Warning => LogLevel.Warning,
            LogLevelName.Error => LogLevel.Error,
            _ => LogLevel.Information,
        };
        LogWorkflowMessage(logger, level, context.InstanceId, context.ActivityId, context.Input.Message);
        return ValueTask.FromResult(Done());
    }

    [LoggerMessage(EventId = 1101, Message = "Instance {InstanceId} activity {ActivityId}: {Text}")]
    private static partial void LogWorkflowMessage(ILogger logger, LogLevel level, string instanceId, string activityId, string text);

    public sealed record Input
    {
        [Description("The message.")]
        public required string Message { get; init; }

        [Description("Severity in the server log.")]
        public LogLevelName Level { get; init; } = LogLevelName.Information;
    }
}
