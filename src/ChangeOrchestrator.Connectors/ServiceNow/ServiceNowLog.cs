using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Connectors.ServiceNow;

internal static partial class ServiceNowLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "ServiceNow: created {Number} for correlation id {CorrelationId}")]
    public static partial void ChangeCreated(ILogger logger, string number, string correlationId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "ServiceNow: {Number} already exists for correlation id {CorrelationId}")]
    public static partial void ChangeFound(ILogger logger, string number, string correlationId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "ServiceNow: {Number} moved from {From} to {To}")]
    public static partial void StateMoved(ILogger logger, string number, string from, string to);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "ServiceNow: {Number} is {State}, so the move to {Target} is already done")]
    public static partial void MoveSkipped(ILogger logger, string number, string state, string target);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "ServiceNow: attached {FileName} ({Bytes} bytes) to {Number}")]
    public static partial void EvidenceAttached(ILogger logger, string fileName, long bytes, string number);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug, Message = "ServiceNow: {Number} already has {FileName}")]
    public static partial void EvidenceAlreadyAttached(ILogger logger, string number, string fileName);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Debug, Message = "ServiceNow: OAuth token issued by the {Grant} grant, valid for {Lifetime}")]
    public static partial void TokenIssued(ILogger logger, string grant, TimeSpan lifetime);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "ServiceNow: access token refused (401); requesting a new one")]
    public static partial void TokenRefused(ILogger logger);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Information, Message = "ServiceNow: refresh token refused, using the primary grant: {Reason}")]
    public static partial void RefreshTokenRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "ServiceNow: added a work note to {Number}")]
    public static partial void WorkNoteAdded(ILogger logger, string number);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "ServiceNow: {Count} conflicts in {Start} to {End} for {Servers} servers")]
    public static partial void ConflictsFound(ILogger logger, int count, DateTimeOffset start, DateTimeOffset end, int servers);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "ServiceNow: {Number} lists {Attached} affected CIs; {NotFound} servers are not in the CMDB")]
    public static partial void AffectedCisAttached(ILogger logger, string number, int attached, int notFound);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Information, Message = "ServiceNow: {Number} planned for {Start} to {End}")]
    public static partial void Rescheduled(ILogger logger, string number, DateTimeOffset start, DateTimeOffset end);
}
