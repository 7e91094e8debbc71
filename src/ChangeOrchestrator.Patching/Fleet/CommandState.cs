namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>Where a patch run stands on one server, or overall.</summary>
public enum CommandState
{
    Pending,
    InProgress,

    /// <summary>The server was unreachable; delivery is retried until the command expires.</summary>
    Delayed,
    Success,
    Failed,
    TimedOut,
    Cancelling,
    Cancelled,
}
