namespace ChangeOrchestrator.Engine.Instances;

/// <summary>An activity due to run in the current burst, the activity whose outcome scheduled it, and the bookmark that woke it.</summary>
public sealed record ScheduledActivity(string ActivityId, string? From = null, Resumption? Resumption = null);
