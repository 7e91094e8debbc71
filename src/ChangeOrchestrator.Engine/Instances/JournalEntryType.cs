namespace ChangeOrchestrator.Engine.Instances;

public enum JournalEntryType
{
    InstanceStarted,
    ActivityStarted,
    ActivityResumed,
    ActivityCompleted,
    ActivitySuspended,
    ActivityFaulted,
    RetryScheduled,
    IncidentCreated,
    IncidentRetried,
    BranchCancelled,
    CancelRequested,
    InstanceCompleted,
    InstanceFaulted,
    InstanceCancelled,
    Message,
}
