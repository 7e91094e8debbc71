namespace ChangeOrchestrator.Web.Instances;

/// <summary>Where one activity of an instance stands, as the flowchart shows it.</summary>
public enum ActivityStatus
{
    /// <summary>Not reached yet, and the instance may still reach it.</summary>
    Pending,

    /// <summary>Scheduled or executing in the current burst.</summary>
    Running,

    /// <summary>Suspended on bookmarks (an event, a timer, a retry).</summary>
    Waiting,

    Completed,

    /// <summary>Its fault stopped the instance (an open incident).</summary>
    Faulted,

    /// <summary>Never reached, and the instance has finished: the path went elsewhere.</summary>
    Skipped,
}
