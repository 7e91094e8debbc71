namespace ChangeOrchestrator.Patching.Fleet;

public sealed record InstanceCommandResult
{
    public required string InstanceId { get; init; }

    public required CommandState State { get; init; }

    /// <summary>Finer reason, e.g. DeliveryTimedOut, ExecutionTimedOut, Terminated (stopped by MaxErrors).</summary>
    public string? StateDetails { get; init; }

    /// <summary>Exit code of the patch step; -1 until it ran.</summary>
    public int? ResponseCode { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The start of the step's output, kept for servers that did not succeed as evidence.</summary>
    public string? Output { get; init; }

    public bool IsDone => State is CommandState.Success or CommandState.Failed or CommandState.TimedOut or CommandState.Cancelled;
}
