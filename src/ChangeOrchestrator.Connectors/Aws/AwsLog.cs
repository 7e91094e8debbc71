using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Connectors.Aws;

internal static partial class AwsLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "{Operation} failed ({ErrorCode}, transient: {IsTransient})")]
    public static partial void CallFailed(ILogger logger, string operation, string? errorCode, bool isTransient, Exception exception);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Resolved {Count} targets ({Hybrid} hybrid, {NotRegistered} without a registered agent)")]
    public static partial void TargetsResolved(ILogger logger, int count, int hybrid, int notRegistered);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Requested instances not found or not running: {InstanceIds}")]
    public static partial void InstancesNotFound(ILogger logger, string instanceIds);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Patch {Operation} {Token} batch {Batch}: found command {CommandId} sent before")]
    public static partial void CommandFound(ILogger logger, string operation, string token, int batch, string commandId);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Patch {Operation} {Token} batch {Batch}: sent command {CommandId} to {Count} instances")]
    public static partial void CommandSent(ILogger logger, string operation, string token, int batch, string commandId, int count);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Snapshots of {InstanceId} for {ChangeNumber}: found {Count} taken before")]
    public static partial void SnapshotsFound(ILogger logger, string instanceId, string changeNumber, int count);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "Snapshots of {InstanceId} for {ChangeNumber}: started {Count}")]
    public static partial void SnapshotsCreated(ILogger logger, string instanceId, string changeNumber, int count);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Information, Message = "Root volume restore of {InstanceId} from {SnapshotId}: task {TaskId}")]
    public static partial void RestoreStarted(ILogger logger, string instanceId, string snapshotId, string taskId);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Information, Message = "{Document} {Token} batch {Batch}: found command {CommandId} sent before")]
    public static partial void ScriptCommandFound(ILogger logger, string document, string token, int batch, string commandId);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Information, Message = "{Document} {Token} batch {Batch}: sent command {CommandId} to {Count} instances")]
    public static partial void ScriptCommandSent(ILogger logger, string document, string token, int batch, string commandId, int count);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Warning, Message = "Volume sizes unread ({ErrorCode}): snapshots of {Count} servers are created in id order, not largest first")]
    public static partial void VolumeSizesUnread(ILogger logger, string? errorCode, int count);
}
