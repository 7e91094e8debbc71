namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>The webhook feature's log events. None carries a body or a secret.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Webhook from {Source} at {RemoteIp} rejected at {At:O}: {Reason}")]
    public static partial void Rejected(ILogger logger, string source, string? remoteIp, DateTimeOffset at, string reason);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Error, Message = "Recording the rejected webhook from {Source} at {RemoteIp} failed")]
    public static partial void RejectionNotRecorded(ILogger logger, Exception exception, string source, string? remoteIp);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Debug, Message = "Webhook {Id} from {Source} accepted (dedupe key {DedupeKey})")]
    public static partial void Accepted(ILogger logger, string id, string source, string dedupeKey);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Information, Message = "Webhook from {Source} with dedupe key {DedupeKey} is a redelivery; ignored")]
    public static partial void Duplicate(ILogger logger, string source, string dedupeKey);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Debug, Message = "Webhook {Id} ({Source}) raised {Kind} {Key}: resumed {Resumed}, buffered {Buffered}, duplicate {Duplicate}")]
    public static partial void Raised(ILogger logger, string id, string source, string kind, string key, int resumed, bool buffered, bool duplicate);

    [LoggerMessage(EventId = 2406, Level = LogLevel.Information, Message = "Webhook {Id} ({Source}) started instance {InstanceId} of {DefinitionId} by start rule {Rule}")]
    public static partial void Started(ILogger logger, string id, string source, string instanceId, string definitionId, int rule);

    [LoggerMessage(EventId = 2407, Level = LogLevel.Warning, Message = "Webhook {Id} ({Source}) failed on attempt {Attempt}; retrying at {RetryAt:O}")]
    public static partial void WillRetry(ILogger logger, Exception exception, string id, string source, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 2408, Level = LogLevel.Error, Message = "Webhook {Id} ({Source}) parked after attempt {Attempt}: {Error}")]
    public static partial void Parked(ILogger logger, string id, string source, int attempt, string error);

    [LoggerMessage(EventId = 2409, Level = LogLevel.Error, Message = "Processing the webhook inbox failed; trying again on the next scan")]
    public static partial void ScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2410, Level = LogLevel.Information, Message = "Purged {Count} webhook inbox rows past the replay window")]
    public static partial void Purged(ILogger logger, int count);

    [LoggerMessage(EventId = 2411, Level = LogLevel.Information, Message = "Webhook from {Source} at {RemoteIp} refused: {Status} {Reason}")]
    public static partial void Refused(ILogger logger, string source, string? remoteIp, int status, string reason);

    [LoggerMessage(EventId = 2412, Level = LogLevel.Debug, Message = "Webhook {Id} ({Source}) names no change or event this server acts on")]
    public static partial void NothingToDo(ILogger logger, string id, string source);

    [LoggerMessage(EventId = 2413, Level = LogLevel.Error, Message = "A rejected webhook from {Source} could not be written to the audit log")]
    public static partial void RejectionNotAudited(ILogger logger, Exception exception, string source);
}
