using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>One task run within a window execution: the Run Command it sent, or why it did not run.</summary>
internal sealed class WindowTaskExecution(string taskExecutionId, WindowTask task, DateTimeOffset startTime)
{
    public string TaskExecutionId { get; } = taskExecutionId;

    public WindowTask Task { get; } = task;

    public DateTimeOffset StartTime { get; } = startTime;

    public RunCommand? Command { get; set; }

    /// <summary>Set when the task ended without a command (no targets, or the cutoff came first).</summary>
    public (string Status, string Details, DateTimeOffset End)? Outcome { get; set; }

    public string Status => Outcome?.Status ?? (Command is null ? "PENDING" : Command.Summarize().Status switch
    {
        "Pending" => "PENDING",
        "InProgress" => "IN_PROGRESS",
        "Success" => "SUCCESS",
        "Failed" => "FAILED",
        "TimedOut" => "TIMED_OUT",
        "Cancelling" => "CANCELLING",
        _ => "CANCELLED",
    });

    public string StatusDetails => Outcome?.Details ?? Command?.Summarize().Details ?? "Pending";

    public DateTimeOffset? EndTime => Outcome?.End
        ?? (Command is { CompletionReported: true } c ? c.Invocations.Select(i => i.EndedAt).Max() ?? StartTime : null);

    public bool IsTerminal => Status is "SUCCESS" or "FAILED" or "TIMED_OUT" or "CANCELLED";
}
