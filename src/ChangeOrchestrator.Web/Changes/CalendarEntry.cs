namespace ChangeOrchestrator.Web.Changes;

/// <summary>A maintenance window or a change freeze on the calendar.</summary>
public sealed record CalendarEntry(DateTimeOffset Start, DateTimeOffset End, string Label, bool IsFreeze, string? InstanceId);
