namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>One run of a window; its status is derived from its task executions.</summary>
internal sealed class WindowExecution(string windowExecutionId, MaintenanceWindow window, DateTimeOffset startTime, bool skipped)
{
    public string WindowExecutionId { get; } = windowExecutionId;

    public MaintenanceWindow Window { get; } = window;

    public DateTimeOffset StartTime { get; } = startTime;

    public bool SkippedOverlapping { get; } = skipped;

    public List<WindowTaskExecution> Tasks { get; } = [];

    public Queue<List<WindowTask>> PendingGroups { get; } = new();

    /// <summary>The cutoff came while task groups were still waiting to start.</summary>
    public bool CutOff { get; set; }

    public bool IsTerminal => SkippedOverlapping || (PendingGroups.Count == 0 && Tasks.TrueForAll(t => t.IsTerminal));

    public string Status
    {
        get
        {
            if (SkippedOverlapping)
            {
                return "SKIPPED_OVERLAPPING";
            }

            if (!IsTerminal)
            {
                return Tasks.Exists(t => t.Status == "CANCELLING") ? "CANCELLING" : "IN_PROGRESS";
            }

            return CutOff || Tasks.Exists(t => t.Status == "TIMED_OUT") ? "TIMED_OUT"
                : Tasks.Exists(t => t.Status == "FAILED") ? "FAILED"
                : Tasks.Exists(t => t.Status == "CANCELLED") ? "CANCELLED"
                : "SUCCESS";
        }
    }

    public string StatusDetails => SkippedOverlapping
        ? "Skipped because the previous execution of the window was still running."
        : CutOff ? "The maintenance window cutoff was reached before every task started." : Status;

    public DateTimeOffset? EndTime => !IsTerminal ? null
        : SkippedOverlapping ? StartTime
        : Tasks.Select(t => t.EndTime).Max() ?? StartTime;
}
