using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Connectors.Jira;

internal static partial class JiraLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Jira: created {Key} for correlation id {CorrelationId}")]
    public static partial void ChangeCreated(ILogger logger, string key, string correlationId);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Jira: {Key} already exists for correlation id {CorrelationId}")]
    public static partial void ChangeFound(ILogger logger, string key, string correlationId);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Jira: {Key} moved from {From} to {To}")]
    public static partial void StatusMoved(ILogger logger, string key, string from, string to);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Debug, Message = "Jira: {Key} is {Status}, so the move to {Target} is already done")]
    public static partial void MoveSkipped(ILogger logger, string key, string status, string target);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "Jira: attached {FileName} ({Bytes} bytes) to {Key}")]
    public static partial void EvidenceAttached(ILogger logger, string fileName, long bytes, string key);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Debug, Message = "Jira: {Key} already has {FileName}")]
    public static partial void EvidenceAlreadyAttached(ILogger logger, string key, string fileName);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Information, Message = "Jira: project {Project} uses issue type {IssueTypeId} for changes, change type field {ChangeTypeField}")]
    public static partial void SiteDiscovered(ILogger logger, string project, string issueTypeId, string changeTypeField);

    [LoggerMessage(EventId = 4208, Level = LogLevel.Warning, Message = "Jira: the site has no field named '{Name}' (ServiceDesk:Jira:Fields:{Key}); changes go without it")]
    public static partial void FieldMissing(ILogger logger, string name, string key);

    [LoggerMessage(EventId = 4209, Level = LogLevel.Debug, Message = "Jira: added a work note to {Key}")]
    public static partial void WorkNoteAdded(ILogger logger, string key);

    [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "Jira: {Count} conflicting changes in {Start} to {End} for {Servers} servers")]
    public static partial void ConflictsFound(ILogger logger, int count, DateTimeOffset start, DateTimeOffset end, int servers);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Information, Message = "Jira: {Key} lists {Attached} affected servers; {NotFound} could not be listed")]
    public static partial void AffectedServersSet(ILogger logger, string key, int attached, int notFound);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Information, Message = "Jira: {Key} planned for {Start} to {End}")]
    public static partial void Rescheduled(ILogger logger, string key, DateTimeOffset start, DateTimeOffset end);
}
